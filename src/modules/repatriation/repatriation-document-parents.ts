import { Injectable, OnModuleInit } from '@nestjs/common';

import { DocumentParentKind } from '@app/modules/documents/document.enums';
import { DocumentParents, visibleThrough } from '@app/modules/documents/parents/document-parents';

import { RepatriationService } from './repatriation.service';

/**
 * Operations and milestones as document parents (issue 18, item 5: travel documents, exit clearances, medical
 * clearances). Their papers are reached exactly as the record is: an operation's by whoever sees the operation, a
 * milestone's by whoever sees the milestone (which is whoever sees its operation), read fresh on every request.
 */
@Injectable()
export class RepatriationDocumentParents implements OnModuleInit {
  constructor(
    private readonly parents: DocumentParents,
    private readonly repatriation: RepatriationService,
  ) {}

  onModuleInit(): void {
    this.parents.register({
      kind: DocumentParentKind.REPATRIATION_OPERATION,
      noun: 'repatriation operation',
      mayAccess: visibleThrough((actor, id) => this.repatriation.operation(actor, id)),
    });
    this.parents.register({
      kind: DocumentParentKind.REPATRIATION_MILESTONE,
      noun: 'repatriation milestone',
      mayAccess: visibleThrough((actor, id) => this.repatriation.milestone(actor, id)),
    });
  }
}
