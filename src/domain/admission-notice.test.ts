import { admissionNotice, beijingTime } from './admission-notice';

describe('the admission notice', () => {
  const school = { id: '450103-P01', name: '青秀区第一小学', address: '南宁市青秀区民族大道1号' };
  const reporting = {
    from: '2026-08-28T00:30:00Z',
    until: '2026-08-29T09:00:00Z',
    materials: [
      { zh: '户口簿', en: 'household register' },
      { zh: '录取通知书', en: 'this notice' },
    ],
  };

  it('names the school, its address, the reporting time in Beijing time and the materials, Chinese first', () => {
    const notice = admissionNotice(school, reporting);
    expect(notice.report).toEqual({ from: reporting.from, until: reporting.until });
    expect(notice.text.zh.split('\n')).toEqual([
      '录取学校:青秀区第一小学',
      '学校地址:南宁市青秀区民族大道1号',
      '报到时间:2026-08-28 08:30 至 2026-08-29 17:00(北京时间)',
      '请携带:户口簿、录取通知书',
    ]);
    expect(notice.text.en).toContain('Report between 2026-08-28 08:30 and 2026-08-29 17:00');
    expect(notice.text.en).toContain('Bring: household register; this notice');
  });

  it('says the school will announce what the county has not set', () => {
    const notice = admissionNotice({ ...school, address: null }, null);
    expect(notice.report).toBeNull();
    expect(notice.materials).toEqual([]);
    expect(notice.text.zh).toContain('报到时间:学校将另行通知');
    expect(notice.text.zh).toContain('学校地址:请向学校咨询');
    expect(notice.text.en).toContain('What to bring: the school will announce it');
  });

  it('writes Beijing time across midnight UTC', () => {
    expect(beijingTime('2026-08-31T20:00:00Z')).toBe('2026-09-01 04:00');
  });
});
