import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { AuditModule } from '@app/modules/audit/audit.module';
import { CasesModule } from '@app/modules/cases/cases.module';
import { CrossBorderModule } from '@app/modules/cross-border/cross-border.module';
import { ReferralsModule } from '@app/modules/referrals/referrals.module';
import { SuspectsModule } from '@app/modules/suspects/suspects.module';
import { TasksModule } from '@app/modules/tasks/tasks.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { UploadDocumentCommand } from './commands/upload-document.command';
import { DocumentSealer } from './document-sealer';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';
import { DocumentsController } from './http/documents.controller';
import { BuiltInDocumentParents } from './parents/built-in-parents';
import { DocumentParents } from './parents/document-parents';
import { DocumentQueries } from './queries/document-queries';
import { DownloadDocument } from './queries/download-document';

/**
 * Documents attached to records (DOMAIN.md section 3, Document): sealed in PostgreSQL, reachable exactly with their
 * parent. Exports DocumentParents so another module can register its records as parents.
 */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    CasesModule,
    VictimsModule,
    SuspectsModule,
    TasksModule,
    ReferralsModule,
    CrossBorderModule,
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentParents,
    BuiltInDocumentParents,
    DocumentSealer,
    DocumentQueries,
    DownloadDocument,
    UploadDocumentCommand,
    DocumentsService,
    DocumentsResolver,
  ],
  exports: [DocumentParents, DocumentsService],
})
export class DocumentsModule {}
