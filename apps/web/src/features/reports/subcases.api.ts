import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ordersApi, transfersApi, type CallInput, type ORDER_ANSWERS, type ORDER_STATES, type RECHECK_RESULTS, type TRANSFER_STATES } from '@tianlang/contracts';
import { call } from '../../lib/api';
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

// Each box is its own route, so each is granted by one permission: inbox transfers.handle (orders.answer), outbox reports.read.
export function useTransfers(box: Box, query: NonNullable<CallInput<typeof transfersApi.inbox>['query']>) {
  return useQuery({
    queryKey: [...transfersKey, box, query],
    queryFn: () => call(transfersApi[box], { query }),
    placeholderData: keepPreviousData,
  });
}

export type TransferAction =
  | { action: 'sign' }
  | { action: 'reply'; body: CallInput<typeof transfersApi.reply>['body'] }
  | { action: 'return' | 'urge'; body: CallInput<typeof transfersApi.return>['body'] }
  /** 代录回函: the office enters the unit's answer and how it arrived */
  | { action: 'record-reply'; body: CallInput<typeof transfersApi.recordReply>['body'] };

export function useTransferAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...a }: { id: string } & TransferAction) => {
      if (a.action === 'sign') return call(transfersApi.sign, { params: { id } });
      if (a.action === 'reply') return call(transfersApi.reply, { params: { id }, body: a.body });
      if (a.action === 'record-reply') return call(transfersApi.recordReply, { params: { id }, body: a.body });
      return call(transfersApi[a.action], { params: { id }, body: a.body });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

/** inbox: a platform liaison's orders; outbox: the orders the office issued, in its scope. */
export function useOrders(box: Box, query: NonNullable<CallInput<typeof ordersApi.inbox>['query']>) {
  return useQuery({
    queryKey: [...ordersKey, box, query],
    queryFn: () => call(ordersApi[box], { query }),
    placeholderData: keepPreviousData,
  });
}

export type OrderAction =
  | { action: 'answer'; body: CallInput<typeof ordersApi.answer>['body'] }
  | { action: 'recheck'; body: CallInput<typeof ordersApi.recheck>['body'] };

export function useOrderAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...a }: { id: string } & OrderAction) =>
      a.action === 'answer' ? call(ordersApi.answer, { params: { id }, body: a.body }) : call(ordersApi.recheck, { params: { id }, body: a.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}
