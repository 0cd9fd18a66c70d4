import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795388060651 implements MigrationInterface {
  name = 'Foundation1795388060651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."agency_type" AS ENUM('COORDINATING_MINISTRY', 'MINISTRY', 'GOVERNMENT_AGENCY', 'POLICE', 'PROSECUTION', 'IMMIGRATION', 'OVERSEAS_MISSION', 'SERVICE_PROVIDER', 'INDEPENDENT_COMMISSION', 'LOCAL_GOVERNMENT', 'INTERNATIONAL_ORGANISATION', 'NGO', 'FOREIGN_COUNTERPART')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."agency_capability" AS ENUM('SHELTER', 'MEDICAL', 'PSYCHOSOCIAL', 'LEGAL_AID', 'INTERPRETER', 'TRAVEL_DOCUMENTS', 'REPATRIATION', 'LIVELIHOOD', 'COMPENSATION', 'WITNESS_PROTECTION', 'INVESTIGATION', 'PROSECUTION', 'CONSULAR_PROTECTION', 'DATA_AND_STATISTICS')`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "name_id" character varying(300) NOT NULL, "name_en" character varying(300) NOT NULL, "acronym" character varying(60) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "type" "public"."agency_type" NOT NULL, "country" character(2) NOT NULL, "capabilities" "public"."agency_capability" array NOT NULL DEFAULT '{}', "time_zone" character varying(64) NOT NULL, "active" boolean NOT NULL DEFAULT true, "parent_agency_id" uuid, "predecessor_agency_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "operation" character varying(80) NOT NULL, "target_type" character varying(60) NOT NULL, "target_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', "request_id" character varying(80), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_actor" ON "audit_entry" ("actor_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_target" ON "audit_entry" ("target_type", "target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_occurred_at" ON "audit_entry" ("occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "holiday" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "country" character(2) NOT NULL, "date" date NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "source" character varying(60) NOT NULL, CONSTRAINT "PK_3e7492c25f80418a7aad0aec053" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_holiday_country_date" ON "holiday" ("country", "date") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_holiday_country_date_name" ON "holiday" ("country", "date", "name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."legal_instrument_kind" AS ENUM('LAW', 'PRESIDENTIAL_REGULATION', 'MINISTERIAL_REGULATION', 'MOU', 'BILATERAL_FRAMEWORK', 'ASEAN_INSTRUMENT', 'INTERNATIONAL_TREATY', 'GUIDELINE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "legal_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(60) NOT NULL, "kind" "public"."legal_instrument_kind" NOT NULL, "title_id" character varying(500) NOT NULL, "title_en" character varying(500) NOT NULL, "number" character varying(60), "signed_on" date, "signed_at" character varying(200), "effective_to" date, "party_names" text array NOT NULL DEFAULT '{}', "notes" text, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_063b00e6cb034a11fa24abd6b90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_legal_instrument_code" ON "legal_instrument" ("code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."commitment_status" AS ENUM('ACTIVE', 'STALLED', 'FULFILLED', 'SUSPENDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_commitment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "instrument_id" uuid NOT NULL, "sequence" integer NOT NULL, "code" character varying(60) NOT NULL, "title_id" character varying(500) NOT NULL, "title_en" character varying(500) NOT NULL, "owner_agency_id" uuid, "status" "public"."commitment_status" NOT NULL DEFAULT 'ACTIVE', "stall_after_days" integer NOT NULL DEFAULT '90', "last_activity_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_d53e63482d5767d2946941a5b6d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agreement_commitment_code" ON "agreement_commitment" ("code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_agreement_commitment_instrument_sequence" ON "agreement_commitment" ("instrument_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "legal_instrument_party" ("instrument_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_legal_instrument_party" PRIMARY KEY ("instrument_id", "agency_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."task_force_level" AS ENUM('NATIONAL', 'PROVINCE', 'REGENCY_CITY')`);
    await queryRunner.query(
      `CREATE TABLE "task_force_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "name_id" character varying(300) NOT NULL, "name_en" character varying(300) NOT NULL, "level" "public"."task_force_level" NOT NULL, "region_code" character varying(20), "parent_unit_id" uuid, "time_zone" character varying(64) NOT NULL, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_task_force_unit_national_has_no_parent" CHECK (("level" = 'NATIONAL') = ("parent_unit_id" IS NULL)), CONSTRAINT "PK_81d348225c3c1022cc7772a0021" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_task_force_unit_parent" ON "task_force_unit" ("parent_unit_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_task_force_unit_code" ON "task_force_unit" ("code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."membership_role" AS ENUM('CHAIR_1', 'CHAIR_2', 'DAILY_CHAIR', 'SECRETARIAT', 'MEMBER', 'PARTNER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "unit_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" "public"."membership_role" NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "basis" character varying(500), CONSTRAINT "CHK_membership_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_membership_agency" ON "membership" ("agency_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_membership_unit_agency_role_from" ON "membership" ("unit_id", "agency_id", "role", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('ADMINISTRATOR', 'LIAISON', 'SUPERVISOR', 'CASE_OFFICER', 'ATTACHE', 'SECRETARIAT', 'COUNTERPART', 'PARTNER', 'AUDITOR')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_locale" AS ENUM('id', 'en')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "agency_id" uuid NOT NULL, "roles" "public"."user_role" array NOT NULL, "locale" "public"."user_locale" NOT NULL DEFAULT 'id', "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Jakarta', "supervisor_user_id" uuid, "password_hash" character varying(255) NOT NULL, "credentials_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_app_user_agency" ON "app_user" ("agency_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" ("email") `);
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_agency_parent" FOREIGN KEY ("parent_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_agency_predecessor" FOREIGN KEY ("predecessor_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_commitment" ADD CONSTRAINT "FK_agreement_commitment_instrument" FOREIGN KEY ("instrument_id") REFERENCES "legal_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_commitment" ADD CONSTRAINT "FK_agreement_commitment_owner" FOREIGN KEY ("owner_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_instrument_party" ADD CONSTRAINT "FK_legal_instrument_party_instrument" FOREIGN KEY ("instrument_id") REFERENCES "legal_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_instrument_party" ADD CONSTRAINT "FK_legal_instrument_party_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_force_unit" ADD CONSTRAINT "FK_task_force_unit_parent" FOREIGN KEY ("parent_unit_id") REFERENCES "task_force_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_membership_unit" FOREIGN KEY ("unit_id") REFERENCES "task_force_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_membership_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_app_user_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_app_user_supervisor" FOREIGN KEY ("supervisor_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only, for the application and for anyone with SQL access alike.
    await queryRunner.query(
      `CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_entry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_app_user_supervisor"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_app_user_agency"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_membership_agency"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_membership_unit"`);
    await queryRunner.query(`ALTER TABLE "task_force_unit" DROP CONSTRAINT "FK_task_force_unit_parent"`);
    await queryRunner.query(`ALTER TABLE "legal_instrument_party" DROP CONSTRAINT "FK_legal_instrument_party_agency"`);
    await queryRunner.query(
      `ALTER TABLE "legal_instrument_party" DROP CONSTRAINT "FK_legal_instrument_party_instrument"`,
    );
    await queryRunner.query(`ALTER TABLE "agreement_commitment" DROP CONSTRAINT "FK_agreement_commitment_owner"`);
    await queryRunner.query(`ALTER TABLE "agreement_commitment" DROP CONSTRAINT "FK_agreement_commitment_instrument"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_agency_predecessor"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_agency_parent"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_app_user_agency"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_locale"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_membership_unit_agency_role_from"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_membership_agency"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP TYPE "public"."membership_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_task_force_unit_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_force_unit_parent"`);
    await queryRunner.query(`DROP TABLE "task_force_unit"`);
    await queryRunner.query(`DROP TYPE "public"."task_force_level"`);
    await queryRunner.query(`DROP TABLE "legal_instrument_party"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agreement_commitment_instrument_sequence"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agreement_commitment_code"`);
    await queryRunner.query(`DROP TABLE "agreement_commitment"`);
    await queryRunner.query(`DROP TYPE "public"."commitment_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_legal_instrument_code"`);
    await queryRunner.query(`DROP TABLE "legal_instrument"`);
    await queryRunner.query(`DROP TYPE "public"."legal_instrument_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_holiday_country_date_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_holiday_country_date"`);
    await queryRunner.query(`DROP TABLE "holiday"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_occurred_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_actor"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agency_code"`);
    await queryRunner.query(`DROP TABLE "agency"`);
    await queryRunner.query(`DROP TYPE "public"."agency_capability"`);
    await queryRunner.query(`DROP TYPE "public"."agency_type"`);
  }
}
