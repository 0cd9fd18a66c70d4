import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';

import { ExportsService } from './exports.service';

/**
 * Downloads an export's file: GET with a bearer token, or POST with the web console's cookie session (which only
 * accepts POST with a JSON body and its CSRF header). Only the requester gets it; every download is audited.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Authenticated()
  @Get(':id/file')
  fetch(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    return this.send(actor, id, reply);
  }

  @Authenticated()
  @Post(':id/file')
  @HttpCode(200)
  fetchFromConsole(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    return this.send(actor, id, reply);
  }

  private async send(actor: Actor, id: string, reply: FastifyReply): Promise<void> {
    const file = await this.exports.download(actor, id);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.byteSize))
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
