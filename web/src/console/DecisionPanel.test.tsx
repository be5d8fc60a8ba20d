/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { lendAntdWhatJsdomLacks } from '../shared/antd-in-jsdom';
import { LangProvider } from '../shared/i18n';
import { DecisionPanel } from './DecisionPanel';
import { confirmsOf } from './FactList';

// antd's first render in jsdom is slow on a loaded machine.
jest.setTimeout(120_000);

lendAntdWhatJsdomLacks();

describe('the offline check sends the facts its documents confirm', () => {
  const sent: { path: string; body: unknown }[] = [];
  beforeEach(() => {
    sent.length = 0;
    localStorage.clear();
    globalThis.fetch = jest.fn((path: string, init: RequestInit) => {
      sent.push({ path, body: JSON.parse(init.body as string) as unknown });
      return Promise.resolve(
        new Response(JSON.stringify({ applicationNo: 'A1', status: 'AWAITING_REVIEW' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }) as unknown as typeof fetch;
  });

  it('adds each confirmed fact to the body as `confirms`', async () => {
    render(
      <LangProvider>
        <DecisionPanel applicationNo="A1" status="AWAITING_OFFLINE_CHECK" onDone={() => {}} />
      </LangProvider>,
    );
    act(() => {
      fireEvent.click(screen.getByRole('tab', { name: '线下核验' }));
    });
    fireEvent.change(screen.getByLabelText('报名点'), { target: { value: '450103-RP01' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '添加事实' }));
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '记录线下核验' }));
    });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.path).toBe('/applications/A1/offline-check');
    expect(sent[0]!.body).toMatchObject({
      registrationPointId: '450103-RP01',
      confirms: [{ fact: 'IDENTITY', confirmed: true }],
    });
  });

  it('sends no `confirms` when no fact is named', async () => {
    render(
      <LangProvider>
        <DecisionPanel applicationNo="A1" status="AWAITING_OFFLINE_CHECK" onDone={() => {}} />
      </LangProvider>,
    );
    act(() => {
      fireEvent.click(screen.getByRole('tab', { name: '线下核验' }));
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '记录线下核验' }));
    });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).not.toHaveProperty('confirms');
  });
});

describe('a confirmed fact as the API takes it', () => {
  it('names no catchment unit when the field was left empty', () => {
    expect(
      confirmsOf([
        { fact: 'HOUSEHOLD', confirmed: true, catchmentUnit: '', moveInDate: '2020-04-10' },
        { fact: 'IDENTITY', confirmed: false },
      ]),
    ).toEqual([
      { fact: 'HOUSEHOLD', confirmed: true, catchmentUnit: null, moveInDate: '2020-04-10' },
      { fact: 'IDENTITY', confirmed: false },
    ]);
  });
});
