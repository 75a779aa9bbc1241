import { toPageQuery, toProTableResult } from './pro-table';

describe('toPageQuery', () => {
  it('renames current to page and drops empty filters', () => {
    expect(toPageQuery({ current: 3, pageSize: 50, keyword: '  王 ', role: '', status: undefined })).toEqual({
      page: 3,
      pageSize: 50,
      keyword: '王',
    });
  });

  it('defaults to the first page of twenty', () => {
    expect(toPageQuery({})).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('toProTableResult', () => {
  it('turns an API page into what ProTable expects', async () => {
    await expect(toProTableResult(Promise.resolve({ list: [{ id: 1 }], total: 41, page: 1, pageSize: 20 }))).resolves.toEqual({
      data: [{ id: 1 }],
      total: 41,
      success: true,
    });
  });
});
