import { Injectable, OnModuleInit } from '@nestjs/common';

import { DocumentParentKind } from '@app/modules/documents/document.enums';
import { DocumentParents, visibleThrough } from '@app/modules/documents/parents/document-parents';
import { VictimsService } from '@app/modules/victims/victims.service';

import { RepatriationService } from './repatriation.service';

/**
 * Operations and milestones as document parents (issue 18, item 5: travel documents, exit clearances, medical
 * clearances). Their papers are reached exactly as the record is: an operation's by whoever sees the operation, a
 * milestone's by whoever sees the milestone (which is whoever sees its operation), read fresh on every request.
 * A person's own milestone (their travel document, their medical clearance) names the person, so its papers carry the
 * person's identity protection, as a person's own documents do: only readers the identity would be shown to.
 */
@Injectable()
export class RepatriationDocumentParents implements OnModuleInit {
  constructor(
    private readonly parents: DocumentParents,
    private readonly repatriation: RepatriationService,
    private readonly victims: VictimsService,
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
      mayAccess: async (actor, id) => {
        let victimId: string | null = null;
        const visible = await visibleThrough(async (reader, milestoneId) => {
          victimId = (await this.repatriation.milestone(reader, milestoneId)).victimId;
        })(actor, id);
        if (!visible) return false;
        return victimId === null || this.victims.canSeeIdentity(actor, victimId);
      },
    });
  }
}
