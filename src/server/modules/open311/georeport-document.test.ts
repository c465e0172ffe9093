import { describe, expect, it } from 'vitest';
import { docList, parseW3cDatetime, render, w3cBeijing } from './georeport-document.js';
import { listParam, optionalParam, parseFormBody, readFields } from './georeport-form.js';
import { parseXml } from './testing.js';

describe('GeoReport documents', () => {
  const document = {
    root: 'service_requests',
    body: docList('request', [
      {
        service_request_id: '20261126-0001',
        description: 'a < b & "c" \'d\' > e\u0000\u0007\uFFFE',
        lat: null,
        ok: true,
      },
    ]),
  };

  it('escapes text and drops characters XML cannot carry, so any description stays well-formed', () => {
    const xml = render(document, 'xml');
    expect(xml).toContain('<description>a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e</description>');
    expect(parseXml(xml).value).toEqual([
      { service_request_id: '20261126-0001', description: 'a < b & "c" \'d\' > e', lat: '', ok: 'true' },
    ]);
  });

  it('renders a list as a JSON array and keeps types and nulls', () => {
    expect(JSON.parse(render(document, 'json'))).toEqual([
      {
        service_request_id: '20261126-0001',
        description: 'a < b & "c" \'d\' > e\u0000\u0007\uFFFE',
        lat: null,
        ok: true,
      },
    ]);
  });

  it('writes instants as W3C datetimes in Beijing time with the offset', () => {
    expect(w3cBeijing('2026-11-26T01:30:00.123Z')).toBe('2026-11-26T09:30:00+08:00');
    expect(w3cBeijing('2026-11-26T20:00:00.000Z')).toBe('2026-11-27T04:00:00+08:00');
  });

  it('reads the W3C note’s forms and refuses anything else', () => {
    expect(parseW3cDatetime('2010-01-01T00:00:00Z')).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDatetime('1994-11-05T08:15:30-05:00')).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDatetime('2026-11-26T09:30+08:00')).toBe('2026-11-26T01:30:00.000Z');
    expect(parseW3cDatetime('2026-11-26T09:30:00.5+08:00')).toBe('2026-11-26T01:30:00.500Z');
    // A date alone is that day's start in Beijing.
    expect(parseW3cDatetime('2026-11-26')).toBe('2026-11-25T16:00:00.000Z');
    expect(parseW3cDatetime('2026-11')).toBe('2026-10-31T16:00:00.000Z');
    expect(parseW3cDatetime('2026')).toBe('2025-12-31T16:00:00.000Z');
    for (const bad of [
      '',
      'yesterday',
      '2026-02-29',
      '2026-13-01',
      '2026-11-26T24:00:00Z',
      '2026-11-26T09:30:00',
      '2026-11-26 09:30:00Z',
      '2026-11-26T09:30:00+25:00',
      '26-11-2026',
    ])
      expect(parseW3cDatetime(bad), bad).toBeUndefined();
    expect(parseW3cDatetime('2028-02-29')).toBe('2028-02-28T16:00:00.000Z');
  });
});

describe('GeoReport form fields', () => {
  it('reads attribute[code] and repeated attribute[code][] as the specification sends them', () => {
    const fields = readFields(
      parseFormBody(
        'api_key=k&service_code=a.b&description=two+words%21&attribute[single]=x&attribute%5Bmulti%5D%5B%5D=1&attribute[multi][]=2&attribute[one][]=only&service_code=ignored',
      ),
    );
    expect(Object.fromEntries(fields.values)).toEqual({
      api_key: 'k',
      service_code: 'a.b',
      description: 'two words!',
    });
    expect(fields.attributes).toEqual({ single: 'x', multi: ['1', '2'], one: ['only'] });
  });

  it('reads a JSON object with the same names, or with attribute as an object', () => {
    const fields = readFields({ api_key: 'k', lat: 45.6, attribute: { multi: ['1', '2'], single: 'x' } });
    expect(Object.fromEntries(fields.values)).toEqual({ api_key: 'k', lat: '45.6' });
    expect(fields.attributes).toEqual({ multi: ['1', '2'], single: 'x' });
    expect(readFields(undefined).values.size).toBe(0);
    expect(readFields('api_key=k').values.size).toBe(0);
  });

  it('treats an empty parameter as an absent one, and reads lists comma delimited or repeated', () => {
    expect(optionalParam('')).toBeUndefined();
    expect(optionalParam('  ')).toBeUndefined();
    expect(optionalParam(undefined)).toBeUndefined();
    expect(listParam('open, closed,')).toEqual(['open', 'closed']);
    expect(listParam(['open', 'closed'])).toEqual(['open', 'closed']);
    expect(listParam(['', ''])).toBeUndefined();
  });
});
