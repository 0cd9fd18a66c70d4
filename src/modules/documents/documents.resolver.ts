import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { DocumentsService } from './documents.service';
import { DocumentConnection, DocumentView } from './dto/document.view';
import { DocumentsArgs } from './dto/documents.args';

/**
 * Documents' metadata. Who may read is the parent's rule (record level, in DocumentParents), so any signed-in user
 * may ask; those who may not reach the parent get NOT_FOUND. Files go up and down over HTTP (documents.controller.ts).
 */
@Resolver(() => DocumentView)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Authenticated()
  @Query(() => DocumentConnection, {
    description:
      'The documents attached to a record, newest first. NOT_FOUND when the record does not exist or the caller may not see it (for a person or a suspect: may not see their identity).',
  })
  documents(@CurrentActor() actor: Actor, @Args() args: DocumentsArgs) {
    return this.service.ofParent(actor, args.parentKind, args.parentId, args);
  }

  @Authenticated()
  @Query(() => DocumentView, { description: "One document's metadata, for those who may see its record." })
  document(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The document.' }) id: string) {
    return this.service.one(actor, id);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency the uploader acted for.' })
  uploadedByAgency(@Parent() document: DocumentView, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(document.uploadedByAgencyId);
  }
}
