import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';

import { ExportConnection } from './dto/export-connection';
import { MyExportsArgs, RequestExportInput } from './dto/export.inputs';
import { ExportEntity } from './export.entity';
import { ExportsService } from './exports.service';

// Any signed-in user may call these: requestExport then checks the one rule (the unit's secretariat) and names the
// problem when it does not hold; myExports lists only the caller's own.
@Resolver(() => ExportEntity)
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Authenticated()
  @Mutation(() => ExportEntity, {
    description:
      'Asks for an export of your unit’s area (you must be its secretariat). It is built in the background: ' +
      'follow it in myExports; you are notified when it is ready.',
  })
  requestExport(@CurrentActor() actor: Actor, @Args('input') input: RequestExportInput): Promise<ExportEntity> {
    return this.exports.requestExport(actor, input);
  }

  @Authenticated()
  @Query(() => ExportConnection, { description: 'Your exports, newest first, with their progress.' })
  myExports(@CurrentActor() actor: Actor, @Args() args: MyExportsArgs) {
    return this.exports.myExports(actor, args);
  }
}
