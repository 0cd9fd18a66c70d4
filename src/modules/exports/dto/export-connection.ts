import { ObjectType } from '@nestjs/graphql';

import { ConnectionType } from '@app/graphql/pagination';

import { ExportEntity } from '../export.entity';

@ObjectType('ExportConnection', { description: 'A page of your exports, newest first.' })
export class ExportConnection extends ConnectionType(ExportEntity, 'Export') {}
