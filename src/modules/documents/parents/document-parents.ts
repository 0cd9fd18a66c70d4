import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

import { DocumentParentKind } from '../document.enums';

/**
 * A kind of record documents can be attached to: how it is named in messages, and who may reach its documents.
 * `mayAccess` answers for listing, downloading and attaching alike, and must be false both for a record the actor
 * may not see and for one that does not exist (the caller turns either into the same NOT_FOUND).
 */
export interface DocumentParent {
  kind: DocumentParentKind;
  /** What a message calls it: "case", "person", "cross-border request". */
  noun: string;
  mayAccess(actor: Actor, parentId: string): Promise<boolean>;
}

/**
 * The registry of parent kinds. A module makes its records able to hold documents by registering one entry (see
 * built-in-parents.ts and docs/architecture.md, "Documents"); the documents module never reads another module's
 * tables. Boot fails while a DocumentParentKind has no entry, so a kind cannot be half added.
 */
@Injectable()
export class DocumentParents implements OnApplicationBootstrap {
  private readonly parents = new Map<DocumentParentKind, DocumentParent>();

  register(parent: DocumentParent): void {
    if (this.parents.has(parent.kind)) throw new Error(`Document parent kind ${parent.kind} is registered twice.`);
    this.parents.set(parent.kind, parent);
  }

  get(kind: DocumentParentKind): DocumentParent {
    const parent = this.parents.get(kind);
    if (!parent) throw new Error(`Document parent kind ${kind} has no registration.`);
    return parent;
  }

  onApplicationBootstrap(): void {
    const missing = Object.values(DocumentParentKind).filter((kind) => !this.parents.has(kind));
    if (missing.length > 0) {
      throw new Error(`Document parent kinds without a registration (DocumentParents.register): ${missing.join(', ')}`);
    }
  }
}

/**
 * `mayAccess` from a module's "one visible record or NOT_FOUND" read: true when it finds the record, false on its
 * NOT_FOUND (invisible or missing), any other failure passed on.
 */
export function visibleThrough(
  find: (actor: Actor, id: string) => Promise<unknown>,
): (actor: Actor, id: string) => Promise<boolean> {
  return async (actor, id) => {
    try {
      await find(actor, id);
      return true;
    } catch (error) {
      if (error instanceof DomainException && error.kind === ErrorKind.NOT_FOUND) return false;
      throw error;
    }
  };
}
