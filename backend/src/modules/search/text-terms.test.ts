import { containsQuery, documentTerms, normaliseText, queryTerms, weightedTerms } from './text-terms';

/** What an index lookup does: a document matches when it holds every query term. */
const matches = (doc: string, query: string) => {
  const terms = documentTerms(doc);
  const wanted = queryTerms(query);
  return wanted.length > 0 && wanted.every(t => terms.has(t));
};

describe('text terms for the Chinese search index', () => {
  it('finds 挂号 inside 如何在线挂号', () => {
    expect(matches('如何在线挂号', '挂号')).toBe(true);
  });

  it('finds 北京协和医院 by 协和, by 协和医院 and by the whole name', () => {
    for (const q of ['协和', '协和医院', '北京协和医院']) expect(matches('北京协和医院', q)).toBe(true);
  });

  it('does not find a hospital by characters in another order', () => {
    expect(matches('北京协和医院', '和协')).toBe(false);
    expect(matches('北京协和医院', '协医')).toBe(false);
    expect(matches('北京协和医院', '瑞金')).toBe(false);
  });

  it('finds a one-character query through single characters', () => {
    expect(queryTerms('瑞')).toEqual(['瑞']);
    expect(matches('上海交通大学医学院附属瑞金医院', '瑞')).toBe(true);
    expect(matches('北京协和医院', '瑞')).toBe(false);
  });

  it('handles mixed ASCII, digits and Chinese without word splitting', () => {
    expect(matches('CT 机维修，请改约 MRI', 'ct机')).toBe(true);
    expect(matches('CT 机维修，请改约 MRI', 'ct 机')).toBe(true);
    expect(matches('CT 机维修，请改约 MRI', '维修mri')).toBe(false);
    expect(matches('门诊楼 2号门', '2号门')).toBe(true);
    expect(matches('上海市第六人民医院（宜山路600号）', '600')).toBe(true);
    expect(matches('B超室', 'b超')).toBe(true);
    expect(matches('MRI 检查', 'mri')).toBe(true);
  });

  it('folds full-width letters and digits and upper case to the same terms', () => {
    expect(queryTerms('ＣＴ１')).toEqual(queryTerms('ct1'));
    expect(matches('ＣＴ室 ２楼', 'CT室')).toBe(true);
    expect(matches('ＣＴ室 ２楼', '2楼')).toBe(true);
  });

  it('splits at spaces and punctuation and needs every part', () => {
    expect(queryTerms('协和 医院')).toEqual(['协和', '医院']);
    expect(matches('北京协和医院', '协和 医院')).toBe(true);
    expect(matches('北京协和医院', '协和 瑞金')).toBe(false);
    expect(queryTerms('  ，。！ ')).toEqual([]);
  });

  it('keeps code points whole, so characters outside the BMP are not split', () => {
    expect(documentTerms('𠮷野家')).toEqual(new Set(['𠮷', '野', '家', '𠮷野', '野家']));
  });

  it('caps a long query at 32 characters', () => {
    const terms = queryTerms('医'.repeat(10) + '院'.repeat(100));
    expect(terms).toEqual(['医医', '医院', '院院']);
    expect(queryTerms('abcdefghijklmnopqrstuvwxyz0123456789').length).toBe(31);
  });

  it('weights each term by the most important field it occurs in', () => {
    const terms = weightedTerms([
      { text: '中山医院', weight: 10 },
      { text: '枫林路 医院旁', weight: 1 },
      { text: null, weight: 5 },
    ]);
    expect(terms.get('中山')).toBe(10);
    expect(terms.get('医院')).toBe(10);
    expect(terms.get('林路')).toBe(1);
  });

  it('tells whole-substring hits apart from scattered ones', () => {
    expect(containsQuery('北京协和医院', '协和医')).toBe(true);
    expect(containsQuery('ＣＴ机 维修', 'ct机')).toBe(true);
    expect(containsQuery('北京协和医院', '和医协')).toBe(false);
    expect(normaliseText(' A，b c ')).toBe('a bc');
    expect(containsQuery('上海 MRI 影像中心', 'mri 影像')).toBe(true);
  });
});
