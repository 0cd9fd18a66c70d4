import { CopyBatch, NULL } from './copy';

/** The one history table of every work item (src/workflow/history/work-item-event.entity.ts). */
const WORK_ITEM_EVENT_COLUMNS = [
  'id',
  'item_type',
  'item_id',
  'occurred_at',
  'actor_user_id',
  'acting_agency_id',
  'kind',
  'action',
  'from_status',
  'to_status',
  'reason',
  'details',
];

/**
 * History rows of one kind of work item into work_item_event. Rows come as the generators build them:
 * [id, item id, occurred at, actor, agency, kind, (action,) from, to, reason, details]; for kinds whose generator
 * gives no action column, the action is passed on its own.
 */
export class HistoryBatch extends CopyBatch {
  constructor(
    private readonly itemType: string,
    private readonly withAction: boolean,
  ) {
    super('work_item_event', WORK_ITEM_EVENT_COLUMNS);
  }

  override add(values: readonly string[], action: string = NULL): void {
    const [id, itemId, ...rest] = values;
    const tail = this.withAction ? rest : [...rest.slice(0, 4), action, ...rest.slice(4)];
    super.add([id, this.itemType, itemId, ...tail]);
  }
}
