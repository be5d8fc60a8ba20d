/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { admissionNotice } from '../../../src/domain/admission-notice';
import { lendAntdWhatJsdomLacks } from '../shared/antd-in-jsdom';
import { LangProvider } from '../shared/i18n';
import { PlaceCard, type Admission, type Offer, type Place } from './PlaceCard';

// antd's first render in jsdom is slow on a loaded machine.
jest.setTimeout(120_000);

lendAntdWhatJsdomLacks();

const SCHOOL = { id: '450103-P01', name: '南宁市民族大道小学', address: '民族大道 100 号' };
const ADMISSION: Admission = {
  result: 'ADMITTED',
  schoolName: SCHOOL.name,
  explanation: { zh: '已被南宁市民族大道小学录取。', en: 'Admitted.' },
  notice: admissionNotice(SCHOOL, {
    from: '2026-08-28T00:30:00Z',
    until: '2026-08-29T09:00:00Z',
    materials: [{ zh: '户口簿原件', en: 'the household register' }],
  }),
};
const PLACE: Place = {
  schoolName: SCHOOL.name,
  state: 'AWAITING_CONFIRMATION',
  deadline: '2026-07-20T16:00:00Z',
  text: { zh: '请于 2026-07-21 00:00 前确认是否报到,逾期视为放弃。', en: 'Confirm by …' },
};
const OFFER: Offer = {
  schoolName: '南宁市第二小学',
  deadline: '2026-07-23T16:00:00Z',
  text: { zh: '候补递补:南宁市第二小学有学位空出,请答复是否接受。', en: 'A place is free …' },
};

/** The API as the page calls it: each POST answered 200, its path recorded. */
function answeringApi(): string[] {
  const posted: string[] = [];
  globalThis.fetch = jest.fn((path: string, init?: RequestInit) => {
    if (init?.method === 'POST') posted.push(path);
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({}) } as Response);
  }) as unknown as typeof fetch;
  return posted;
}

function click(name: RegExp | string) {
  act(() => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe("the family's admission: notice, place and waitlist offer", () => {
  beforeEach(() => localStorage.clear());

  it('shows the notice and confirms the place', async () => {
    const posted = answeringApi();
    const onDone = jest.fn();
    render(
      <LangProvider>
        <PlaceCard
          applicationNo="GX-1"
          admission={ADMISSION}
          place={PLACE}
          offer={null}
          onDone={onDone}
        />
      </LangProvider>,
    );
    expect(screen.getByText(`录取学校:${SCHOOL.name}`)).toBeTruthy();
    expect(screen.getByText('请携带:户口簿原件')).toBeTruthy();
    expect(screen.getByText(PLACE.text.zh)).toBeTruthy();
    click('确认报到');
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posted).toEqual(['/applications/GX-1/place/confirm']);
  });

  it('declines an offer only once the family says so again', async () => {
    const posted = answeringApi();
    const onDone = jest.fn();
    render(
      <LangProvider>
        <PlaceCard
          applicationNo="GX-2"
          admission={null}
          place={null}
          offer={OFFER}
          onDone={onDone}
        />
      </LangProvider>,
    );
    expect(screen.getByText(OFFER.text.zh)).toBeTruthy();
    click('放弃递补');
    expect(posted).toEqual([]);
    expect(await screen.findByText(/学位将递补给下一位/)).toBeTruthy();
    click('确定');
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posted).toEqual(['/applications/GX-2/offer/decline']);
  });
});
