import { Inject, Injectable } from '@nestjs/common';

import { PiiCipher } from '@libs/crypto';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

/** What is sealed of a document, ready to store. */
export interface SealedDocument {
  filenameSealed: string;
  contentSealed: Buffer;
  keyId: string;
}

/**
 * Seals documents with the personal-data key (the one victims' identities use), each part bound to the document's
 * id and role, so a file or name copied to another row fails to open. The content is opened in one place only, the
 * download (DownloadDocument), after its access check and audit entry; a spec holds that line.
 */
@Injectable()
export class DocumentSealer {
  readonly cipher: PiiCipher;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>) {
    this.cipher = new PiiCipher(config.piiEncryptionKey, config.piiPreviousKeys);
  }

  seal(documentId: string, fileName: string, content: Buffer): SealedDocument {
    return {
      filenameSealed: this.cipher.seal(fileName, nameContext(documentId)),
      contentSealed: this.cipher.sealBytes(content, contentContext(documentId)),
      keyId: this.cipher.currentKeyId,
    };
  }

  fileNameOf(document: { id: string; filenameSealed: string }): string {
    return this.cipher.open(document.filenameSealed, nameContext(document.id));
  }

  contentOf(document: { id: string; contentSealed: Buffer }): Buffer {
    return this.cipher.openBytes(document.contentSealed, contentContext(document.id));
  }

  /** The same name and file sealed again under the current key (key rotation); nothing leaves this process. */
  reseal(document: { id: string; filenameSealed: string; contentSealed: Buffer }): SealedDocument {
    return this.seal(document.id, this.fileNameOf(document), this.contentOf(document));
  }
}

const nameContext = (documentId: string) => `document:${documentId}:filename`;
const contentContext = (documentId: string) => `document:${documentId}:content`;
