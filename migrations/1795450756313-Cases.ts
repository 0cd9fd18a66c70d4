import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795450756313 implements MigrationInterface {
  name = 'Cases1795450756313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."case_exploitation_type" AS ENUM('SEXUAL_EXPLOITATION', 'FORCED_LABOUR', 'DOMESTIC_SERVITUDE', 'FORCED_MARRIAGE', 'SLAVERY_OR_SIMILAR_PRACTICES', 'ORGAN_REMOVAL', 'FORCED_BEGGING', 'FORCED_CRIMINALITY', 'CHILD_SOLDIERING', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_recruitment_channel" AS ENUM('FACEBOOK', 'WHATSAPP', 'TELEGRAM', 'TIKTOK', 'INSTAGRAM', 'LINKEDIN', 'OTHER_ONLINE', 'IN_PERSON', 'RELATIVE_OR_FRIEND', 'INFORMAL_BROKER', 'RECRUITMENT_AGENCY', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_means_of_control" AS ENUM('DEBT_BONDAGE', 'DOCUMENT_CONFISCATION', 'WITHHELD_WAGES', 'PHYSICAL_VIOLENCE', 'SEXUAL_VIOLENCE', 'THREATS', 'THREAT_OF_LAW_ENFORCEMENT', 'PSYCHOLOGICAL_ABUSE', 'ISOLATION', 'RESTRICTED_MOVEMENT', 'FALSE_PROMISES', 'SUBSTANCE_DEPENDENCY', 'WITHHELD_NECESSITIES', 'EXCESSIVE_WORKING_HOURS', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_intake_channel" AS ENUM('HOTLINE', 'EMBASSY', 'POLICE', 'NGO', 'FAMILY', 'SOCIAL_MEDIA', 'COUNTERPART', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_justice_status" AS ENUM('REPORTED', 'VERIFIED', 'INVESTIGATION', 'PROSECUTION', 'TRIAL', 'VERDICT', 'CLOSED', 'NOT_TRAFFICKING', 'INVESTIGATION_STOPPED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "trafficking_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" SERIAL NOT NULL, "lead_agency_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "opened_by_user_id" uuid NOT NULL, "origin_region_code" character varying(20), "destination_countries" character varying(2) array NOT NULL DEFAULT '{}', "transit_countries" character varying(2) array NOT NULL DEFAULT '{}', "exploitation_types" "public"."case_exploitation_type" array NOT NULL, "recruitment_channels" "public"."case_recruitment_channel" array NOT NULL DEFAULT '{}', "means_of_control" "public"."case_means_of_control" array NOT NULL DEFAULT '{}', "intake_channel" "public"."case_intake_channel" NOT NULL, "status" "public"."case_justice_status" NOT NULL DEFAULT 'REPORTED', "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_reason" character varying(1000), "summary" character varying(1000) NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_trafficking_case_origin_region_code" CHECK ("origin_region_code" ~ '^[0-9]{2}([.][0-9]{2})?$'), CONSTRAINT "CHK_trafficking_case_exploitation_types" CHECK (cardinality("exploitation_types") > 0), CONSTRAINT "PK_58dc55e189a17f9a577f108f04a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_trafficking_case_unit_status" ON "trafficking_case" ("unit_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_trafficking_case_lead_agency_status" ON "trafficking_case" ("lead_agency_id", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_trafficking_case_number" ON "trafficking_case" ("number") `);
    await queryRunner.query(
      `CREATE TABLE "case_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "acting_agency_id" uuid, "kind" character varying(30) NOT NULL, "from_status" character varying(30), "to_status" character varying(30), "reason" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_event_case" ON "case_event" ("case_id", "occurred_at") `);
    await queryRunner.query(
      `ALTER TABLE "trafficking_case" ADD CONSTRAINT "FK_trafficking_case_lead_agency" FOREIGN KEY ("lead_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trafficking_case" ADD CONSTRAINT "FK_trafficking_case_unit" FOREIGN KEY ("unit_id") REFERENCES "task_force_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trafficking_case" ADD CONSTRAINT "FK_trafficking_case_opened_by" FOREIGN KEY ("opened_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_case_event_case" FOREIGN KEY ("case_id") REFERENCES "trafficking_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_event" DROP CONSTRAINT "FK_case_event_case"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP CONSTRAINT "FK_trafficking_case_opened_by"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP CONSTRAINT "FK_trafficking_case_unit"`);
    await queryRunner.query(`ALTER TABLE "trafficking_case" DROP CONSTRAINT "FK_trafficking_case_lead_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_event_case"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_trafficking_case_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_trafficking_case_lead_agency_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_trafficking_case_unit_status"`);
    await queryRunner.query(`DROP TABLE "trafficking_case"`);
    await queryRunner.query(`DROP TYPE "public"."case_justice_status"`);
    await queryRunner.query(`DROP TYPE "public"."case_intake_channel"`);
    await queryRunner.query(`DROP TYPE "public"."case_means_of_control"`);
    await queryRunner.query(`DROP TYPE "public"."case_recruitment_channel"`);
    await queryRunner.query(`DROP TYPE "public"."case_exploitation_type"`);
  }
}
