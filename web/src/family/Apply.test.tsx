/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { RULES } from '../../../src/domain/forms/rule-texts';
import { lendAntdWhatJsdomLacks } from '../shared/antd-in-jsdom';
import { LangProvider } from '../shared/i18n';
import { Apply } from './Apply';

// antd's first render in jsdom is slow on a loaded machine.
jest.setTimeout(120_000);

lendAntdWhatJsdomLacks();

function type(label: string, value: string) {
  act(() => {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  });
}

describe('the guided form shows the API’s rule texts as the user types', () => {
  beforeEach(() => localStorage.clear());

  it('shows nothing before the user types, then the mobile rule under the mobile field', async () => {
    render(
      <LangProvider>
        <Apply />
      </LangProvider>,
    );
    expect(screen.queryByText(RULES.MOBILE_FORMAT.zh)).toBeNull();
    type('手机号码', '12345');
    expect(await screen.findByText(RULES.MOBILE_FORMAT.zh)).toBeTruthy();
    type('手机号码', '13800138000');
    expect(screen.queryByText(RULES.MOBILE_FORMAT.zh)).toBeNull();
  });

  it('checks the ID number as typed', async () => {
    render(
      <LangProvider>
        <Apply />
      </LangProvider>,
    );
    type('儿童身份证号', '450103202003150130');
    expect(await screen.findByText(RULES.ID_CHECK_DIGIT.zh)).toBeTruthy();
    type('儿童身份证号', '45010320200315013X');
    expect(screen.queryByText(RULES.ID_CHECK_DIGIT.zh)).toBeNull();
  });

  it('does not move on from a step whose fields break a rule', async () => {
    render(
      <LangProvider>
        <Apply />
      </LangProvider>,
    );
    type('报名县(市、区)代码', '999999');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /下一步/ }));
    });
    expect(await screen.findByText(RULES.NOT_GUANGXI_COUNTY.zh)).toBeTruthy();
  });
});
