import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';

import { PageArgs } from '@app/graphql/pagination';

import { DocumentParentKind } from '../document.enums';

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @Field(() => DocumentParentKind, { description: 'The kind of record whose documents to list.' })
  @IsEnum(DocumentParentKind)
  parentKind: DocumentParentKind;

  @Field(() => ID, { description: 'The record whose documents to list.' })
  @IsUUID()
  parentId: string;
}
