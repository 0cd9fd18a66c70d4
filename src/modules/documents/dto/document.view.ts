import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

import { ConnectionType } from '@app/graphql/pagination';

import { DocumentKind, DocumentParentKind } from '../document.enums';

/** Where a document is downloaded (GET, with the bearer token or the console's session). */
export const documentPath = (id: string): string => `/documents/${id}`;

@ObjectType('Document', {
  description:
    'A file attached to a record (metadata only; the file itself is downloaded from `downloadPath`). Visible exactly ' +
    "to those who may see the record, and for a person's or suspect's documents only to readers of their identity.",
})
export class DocumentView {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => DocumentParentKind, { description: 'The kind of record the document is attached to.' })
  parentKind: DocumentParentKind;

  @Field(() => ID, { description: 'The record the document is attached to.' })
  parentId: string;

  @Field(() => DocumentKind, { description: 'What the document is (a letter, an interview report, …).' })
  kind: DocumentKind;

  @Field(() => String, { description: 'The file name, sanitised, ending in an extension of its type.' })
  fileName: string;

  @Field(() => String, { description: 'The type recognised from the content (e.g. application/pdf).' })
  contentType: string;

  @Field(() => Int, { description: 'Size of the file in bytes.' })
  sizeBytes: number;

  @Field(() => ID, { description: 'The user who uploaded it.' })
  uploadedByUserId: string;

  @Field(() => ID, { description: 'The agency they uploaded it for.' })
  uploadedByAgencyId: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was uploaded.' })
  uploadedAt: Date;

  @Field(() => String, {
    description:
      'Path to download the file (GET, as an attachment; every download is audited), relative to the API origin.',
  })
  downloadPath: string;
}

@ObjectType('DocumentConnection', { description: 'A page of documents.' })
export class DocumentConnection extends ConnectionType(DocumentView, 'Document') {}
