import fc from 'fast-check';
import {
  maskAddress,
  maskBirthDate,
  maskByShape,
  maskDocumentNo,
  maskMobile,
  maskName,
  maskPersonalData,
} from './masking';
import { maskResidentId } from './resident-id';
import { digits, validResidentId } from '../testing/resident-ids';

const validId = validResidentId.map((v) => v.id);
const mobile = fc
  .tuple(fc.constantFrom(...'3456789'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);
const hanName = fc
  .array(
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
    {
      minLength: 2,
      maxLength: 6,
    },
  )
  .map((chars) => chars.join(''));
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });
const length = (text: string) => [...text].length;

const RULES = {
  maskName,
  maskMobile,
  maskAddress,
  maskBirthDate,
  maskDocumentNo,
  maskResidentId,
  maskByShape,
};

describe('masking personal data (common Chinese practice)', () => {
  it('shows what a person may read in a table', () => {
    expect(maskResidentId('45010320200315013X')).toBe('450103********013X');
    expect(maskName('张明')).toBe('张*');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskBirthDate('2020-03-15')).toBe('2020-**-**');
    expect(maskAddress('广西壮族自治区南宁市青秀区民族大道100号')).toBe(
      '广西壮族自治区南宁市青秀区********',
    );
    expect(maskAddress('钦州市钦北区长田街道1号')).toBe('钦州市钦北区长田街道**');
    expect(maskAddress('南宁市青秀区东葛路352号6栋490室')).toBe('南宁市青秀区*************');
    expect(maskAddress('民族大道100号')).toBe('********');
    expect(maskDocumentNo('桂(2021)南宁市不动产权第0012345号')).toBe('桂(20***************345号');
    expect(maskDocumentNo('HH00000001')).toBe('HH******01');
    expect(maskDocumentNo('A1')).toBe('**');
  });

  it('finds ID numbers and mobiles by their shape in any text', () => {
    expect(maskByShape('李大明 450103198805060751 电话13800138000 或 +8613977100000')).toBe(
      '李大明 450103********0751 电话138****8000 或 +86139****0000',
    );
    // An application number is not a mobile or an ID: its groups are dashed.
    expect(maskByShape('2026-450103-000001-2')).toBe('2026-450103-000001-2');
  });

  it('never keeps the birth date and sequence of an ID number', () => {
    fc.assert(
      fc.property(validId, anyText, anyText, (id, before, after) => {
        const masked = maskByShape(`${before}${id}${after}`);
        expect(masked).not.toContain(id.slice(6, 14));
        expect(masked).not.toContain(id);
        expect(maskResidentId(id).slice(6, 14)).toBe('********');
      }),
    );
  });

  it('never keeps the middle four digits of a mobile', () => {
    fc.assert(
      fc.property(mobile, anyText, (number, around) => {
        expect(maskMobile(number).slice(3, 7)).toBe('****');
        expect(maskByShape(`${around} ${number} ${around}`)).not.toContain(number);
      }),
    );
  });

  it('keeps only the first (and, past two characters, the last) character of a name', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        const masked = [...maskName(name)];
        expect(masked.slice(1, name.length > 2 ? -1 : undefined).every((c) => c === '*')).toBe(
          true,
        );
        expect(masked.join('')).not.toBe(name);
      }),
    );
  });

  it('keeps no road, number, building or room of an address', () => {
    fc.assert(fc.property(anyText, (text) => expect(maskAddress(text)).not.toMatch(/\d/)));
  });

  it('keeps the length of every value and changes nothing already masked (idempotent)', () => {
    for (const [rule, mask] of Object.entries(RULES))
      fc.assert(
        fc.property(fc.oneof(anyText, validId, mobile, hanName), (text) => {
          const once = mask(text);
          expect({ rule, length: length(once) }).toEqual({ rule, length: length(text) });
          expect({ rule, twice: mask(once) }).toEqual({ rule, twice: once });
        }),
      );
  });

  it('masks a form anywhere in a JSON document, by field name and by shape', () => {
    const form = {
      applicationNo: '2026-450103-000001-2',
      child: {
        name: '李小明',
        birthDate: '2020-03-15',
        idNumber: '45010320200315013X',
        hukouAddress: '南宁市青秀区民族大道100号',
      },
      guardians: [{ name: '李大明', mobile: '13800138000', idNumber: '450103198805060751' }],
      housing: { certificateNo: '桂(2021)南宁市不动产权第0012345号' },
      residencePermit: { number: 'JZZ-2025-0001' },
      household: { householdNo: 'HH00000001', members: [{ name: '王芳', relationToHead: 'HEAD' }] },
      notes: ['reviewer called 13977100000'],
      byId: { '450103198805060751': { share: 100 } },
    };
    expect(maskPersonalData(form)).toEqual({
      applicationNo: '2026-450103-000001-2',
      child: {
        name: '李*明',
        birthDate: '2020-**-**',
        idNumber: '450103********013X',
        hukouAddress: '南宁市青秀区********',
      },
      guardians: [{ name: '李*明', mobile: '138****8000', idNumber: '450103********0751' }],
      housing: { certificateNo: '桂(20***************345号' },
      residencePermit: { number: 'JZZ*******001' },
      household: { householdNo: 'HH******01', members: [{ name: '王*', relationToHead: 'HEAD' }] },
      notes: ['reviewer called 139****0000'],
      byId: { '450103********0751': { share: 100 } },
    });
  });

  it('leaves no ID number or mobile anywhere in any JSON document, and masks it once only', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        validId,
        mobile,
        anyText,
        fc.integer(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(anyText, validId), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const masked = maskPersonalData(value);
        expect(JSON.stringify(masked)).not.toMatch(/\d{15}|(?<!\d)1[3-9]\d{9}(?!\d)/);
        expect(maskPersonalData(masked)).toEqual(masked);
      }),
    );
  });
});
