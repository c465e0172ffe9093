import {
  CHANNELS,
  type Channel,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus,
} from '../../../shared/work-orders';
import {
  WORK_ORDER_FLAGS,
  WORK_ORDER_VIEWS,
  type WorkOrderFilter,
  type WorkOrderFlag,
  type WorkOrderView,
} from '../../api/work-orders';

const isView = (value: string | null): value is WorkOrderView =>
  (WORK_ORDER_VIEWS as readonly string[]).includes(value ?? '');
const isStatus = (value: string | null): value is WorkOrderStatus =>
  (WORK_ORDER_STATUSES as readonly string[]).includes(value ?? '');
const isFlag = (value: string | null): value is WorkOrderFlag =>
  (WORK_ORDER_FLAGS as readonly string[]).includes(value ?? '');
const isChannel = (value: string | null): value is Channel =>
  (CHANNELS as readonly string[]).includes(value ?? '');

/**
 * The list's tab and filters, kept in the URL so that back from an order returns to them. Without
 * a tab in the URL, handlers start on their own to-dos and everyone else on all orders.
 */
export function listFilterOf(params: URLSearchParams, defaultView: WorkOrderView): WorkOrderFilter {
  const view = params.get('view');
  const status = params.get('status');
  const channel = params.get('channel');
  const flag = params.get('flag');
  return {
    view: isView(view) ? view : defaultView,
    status: isStatus(status) ? status : '',
    category: params.get('category') ?? '',
    region: params.get('region') ?? '',
    channel: isChannel(channel) ? channel : '',
    flag: isFlag(flag) ? flag : '',
  };
}

export function listParamsOf(filter: WorkOrderFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
}
