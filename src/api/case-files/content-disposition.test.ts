import { contentDisposition } from './case-files.controller';

describe('the Content-Disposition of a downloaded document', () => {
  it('is always a download, named in ASCII and in UTF-8', () => {
    expect(contentDisposition('户口簿 "首页".pdf')).toBe(
      `attachment; filename="___ ____.pdf"; filename*=UTF-8''%E6%88%B7%E5%8F%A3%E7%B0%BF%20%22%E9%A6%96%E9%A1%B5%22.pdf`,
    );
    expect(contentDisposition("it's (1).png")).toBe(
      `attachment; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`,
    );
  });
});
