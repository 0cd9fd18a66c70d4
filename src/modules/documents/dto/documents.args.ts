import { ArgsType } from '@nestjs/graphql';

import { PageArgs } from '@app/graphql/pagination';
import { EnumField, IdField } from '@app/graphql/input-fields';

import { DocumentParentKind } from '../document.enums';

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @EnumField(DocumentParentKind, { description: 'The kind of record whose documents to list.' })
  parentKind: DocumentParentKind;

  @IdField({ description: 'The record whose documents to list.' })
  parentId: string;
}
