import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ORDER_ANSWERS, ORDER_STATES, OrderView, RECHECK_RESULTS, ReplyChannel, TRANSFER_STATES, TransferView } from '@tianlang/contracts';
import { api, type Page } from '../../lib/api';
import { reportsKey } from './reports.api';

/** inbox: addressed to the user's unit; outbox: sent by the office. */
export type Box = 'inbox' | 'outbox';
export type TransferState = (typeof TRANSFER_STATES)[number];
export type OrderState = (typeof ORDER_STATES)[number];
export type OrderAnswer = (typeof ORDER_ANSWERS)[number];
export type RecheckResult = (typeof RECHECK_RESULTS)[number];

// Under the reports key: urging a transfer or answering an order also changes the report's detail.
const transfersKey = [...reportsKey, 'transfers'] as const;
const ordersKey = [...reportsKey, 'orders'] as const;

/** Each box is its own route, so each is granted by one permission: inbox transfers.handle, outbox reports.read. */
const boxPath = (base: string, box: Box) => (box === 'inbox' ? base : `${base}/outbox`);

export function useTransfers(box: Box, query: { state?: TransferState; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...transfersKey, box, query],
    queryFn: () => api.get<Page<TransferView>>(boxPath('/api/transfers', box), { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export type TransferAction =
  | { action: 'sign' }
  | { action: 'reply'; body: { text: string } }
  | { action: 'return' | 'urge'; body: { reason: string } }
  /** 代录回函: the office enters the unit's answer and how it arrived */
  | { action: 'record-reply'; body: { text: string; channel: ReplyChannel } };

export function useTransferAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...a }: { id: string } & TransferAction) =>
      api.post<TransferView>(`/api/transfers/${id}/${a.action}`, 'body' in a ? a.body : undefined),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

/** inbox: a platform liaison's orders; outbox: the orders the office issued, in its scope. */
export function useOrders(box: Box, query: { state?: OrderState; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...ordersKey, box, query],
    queryFn: () => api.get<Page<OrderView>>(boxPath('/api/orders', box), { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export type OrderAction =
  | { action: 'answer'; body: { answer: OrderAnswer; note: string } }
  | { action: 'recheck'; body: { result: RecheckResult; note: string } };

export function useOrderAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string } & OrderAction) => api.post<OrderView>(`/api/orders/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}
