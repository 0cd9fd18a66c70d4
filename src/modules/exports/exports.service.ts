import { Readable } from 'node:stream';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Connection, paginate } from '@app/graphql/pagination';
import { Clock } from '@app/kernel/clock';
import { RequestException } from '@app/kernel/domain.exception';
import { AuditService } from '@app/modules/audit/audit.service';
import { recordEvents } from '@app/queue/outbox';

import { MyExportsArgs, RequestExportInput } from './dto/export.inputs';
import { entitledUnit } from './export-entitlement';
import { ExportEntity, ExportParameters } from './export.entity';
import { ExportStatus } from './export.enums';
import { ExportErrorReason, ExportException } from './export.exception';
import { EXPORT_KINDS } from './kinds/export-kinds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file ready to send: its headers and its bytes, read chunk by chunk. */
export interface ExportDownload {
  fileName: string;
  contentType: string;
  byteSize: number;
  body: Readable;
}

/** Asking for exports, listing one's own, and downloading them (only the requester, each download audited). */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the request (QUEUED) with the job request in the same transaction: the worker builds it once the request
   * is committed. Refuses, naming the argument, a format the kind does not offer, a k below the minimum, and anyone
   * who is not the unit's secretariat.
   */
  async requestExport(actor: Actor, input: RequestExportInput): Promise<ExportEntity> {
    const kind = EXPORT_KINDS[input.kind];
    if (!kind.formats.includes(input.format)) {
      throw new ExportException(
        ExportErrorReason.FORMAT_NOT_AVAILABLE,
        `format: ${input.kind} is available as ${kind.formats.join(' or ')}, not ${input.format}.`,
        'format',
      );
    }
    const parameters: ExportParameters = {};
    if (kind.usesK) {
      const { minK, defaultK } = this.config.exports;
      const k = input.k ?? defaultK;
      if (k < minK) {
        throw new ExportException(
          ExportErrorReason.K_TOO_SMALL,
          `k: ${k} is below the minimum of ${minK}; every combination of quasi-identifiers in the file must be ` +
            `shared by at least ${minK} people.`,
          'k',
        );
      }
      parameters.k = k;
    } else if (input.k !== undefined && input.k !== null) {
      throw RequestException.invalidInput(`k: ${input.kind} is not k-anonymous; leave k out.`, 'k');
    }
    if (input.year !== undefined && input.year !== null) parameters.year = input.year;
    if (kind.requiresYear) checkReportYear(input.kind, parameters.year, this.clock.now());

    return this.dataSource.transaction(async (manager) => {
      const unit = await entitledUnit(manager, actor, input.unitId ?? undefined);
      const row = await manager.save(
        manager.create(ExportEntity, {
          kind: input.kind,
          format: input.format,
          status: ExportStatus.QUEUED,
          requestedByUserId: actor.userId,
          requestedByAgencyId: actor.agencyId,
          unitId: unit.id,
          unitCode: unit.code,
          parameters,
          summary: {},
        }),
      );
      await this.audit.record(manager, actor, {
        operation: 'export.requested',
        targetType: 'Export',
        targetId: row.id,
        changes: {
          request: { before: null, after: { kind: row.kind, format: row.format, unit: unit.code, ...parameters } },
        },
      });
      await recordEvents(manager, [
        { topic: 'export.requested', aggregateType: 'Export', aggregateId: row.id, payload: { exportId: row.id } },
      ]);
      return row;
    });
  }

  /** The actor's own exports, newest first (nobody sees another person's). */
  myExports(actor: Actor, args: MyExportsArgs): Promise<Connection<ExportEntity>> {
    const query = this.dataSource
      .getRepository(ExportEntity)
      .createQueryBuilder('export')
      .where('export.requestedByUserId = :userId', { userId: actor.userId });
    return paginate(query, args, {
      column: 'export.createdAt',
      value: (row) => row.createdAt.toISOString(),
      descending: true,
    });
  }

  /**
   * The file of one of the actor's READY exports, with the download audited first. Another person's export answers
   * NOT_FOUND, like one that does not exist; the requester is told when theirs is not (or no longer) available.
   */
  async download(actor: Actor, exportId: string): Promise<ExportDownload> {
    if (!UUID.test(exportId)) throw RequestException.notFound('Export', exportId);
    const row = await this.dataSource.transaction(async (manager) => {
      const found = await manager
        .getRepository(ExportEntity)
        .createQueryBuilder('export')
        .setLock('pessimistic_write')
        .where('export.id = :id AND export.requestedByUserId = :userId', { id: exportId, userId: actor.userId })
        .getOne();
      if (!found) throw RequestException.notFound('Export', exportId);
      const now = this.clock.now();
      if (found.status !== ExportStatus.READY || !found.expiresAt || found.expiresAt <= now) {
        const why =
          found.status === ExportStatus.READY || found.status === ExportStatus.EXPIRED
            ? `expired at ${found.expiresAt?.toISOString()}; ask for it again`
            : found.status === ExportStatus.FAILED
              ? 'failed and kept no file; ask for it again'
              : `is ${found.status.toLowerCase()} (${found.progressPercent}% done); myExports shows when it is ready`;
        throw new ExportException(ExportErrorReason.FILE_NOT_AVAILABLE, `Export ${exportId} ${why}.`, 'id');
      }
      await manager.increment(ExportEntity, { id: found.id }, 'downloads', 1);
      await this.audit.record(manager, actor, {
        operation: 'export.downloaded',
        targetType: 'Export',
        targetId: found.id,
        changes: { file: { before: null, after: { name: found.fileName, bytes: found.byteSize } } },
      });
      return found;
    });
    return {
      fileName: row.fileName as string,
      contentType: row.contentType as string,
      byteSize: row.byteSize as number,
      body: Readable.from(this.chunks(row.id)),
    };
  }

  /** The file's chunks in order, one query each (a chunk is about a megabyte). */
  private async *chunks(exportId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [chunk] = (await this.dataSource.query(
        `SELECT bytes FROM export_file_chunk WHERE export_id = $1 AND seq = $2`,
        [exportId, seq],
      )) as { bytes: Buffer }[];
      if (!chunk) return;
      yield chunk.bytes;
    }
  }
}

/** The first year an annual report covers, and the latest: the current one (its figures so far). */
export const FIRST_REPORT_YEAR = 2000;

function checkReportYear(kind: string, year: number | undefined, now: Date): void {
  const latest = now.getUTCFullYear();
  if (year === undefined) {
    throw RequestException.invalidInput(`year: ${kind} reports on one year; give year (e.g. ${latest - 1}).`, 'year');
  }
  if (year < FIRST_REPORT_YEAR || year > latest) {
    throw RequestException.invalidInput(
      `year: ${year} is out of range; ${kind} covers a year from ${FIRST_REPORT_YEAR} to ${latest}.`,
      'year',
    );
  }
}
