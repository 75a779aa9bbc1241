import { render, screen } from '@testing-library/react';
import { orderRow } from '../test-fixtures';
import { EscortName, placeOf, serviceTimeRange } from './order-detail-sections';

describe('order facts', () => {
  it('name the hospital and department, else the service address, else the errand route', () => {
    expect(placeOf(orderRow)).toBe('复旦大学附属中山医院 / 心内科');
    expect(placeOf({ ...orderRow, hospitalName: '', departmentName: '', serviceAddress: '徐汇区漕溪北路 1 号' })).toBe('徐汇区漕溪北路 1 号');
    const errand = { tasks: ['代取报告'], requirements: '', materials: [], pickupAddress: '中山医院', deliveryAddress: '漕溪北路 1 号' };
    expect(placeOf({ ...orderRow, hospitalName: '', departmentName: '', errand })).toBe('中山医院 → 漕溪北路 1 号');
    expect(placeOf({ ...orderRow, hospitalName: '', departmentName: '' })).toBe('-');
  });

  it('show the service time in Shanghai, with both dates when it runs past midnight', () => {
    expect(serviceTimeRange('2026-11-24T01:00:00.000Z', '2026-11-24T05:00:00.000Z')).toBe('2026-11-24 09:00–13:00');
    expect(serviceTimeRange('2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z')).toBe('2026-11-24 18:00–2026-11-25 18:00');
  });

  it('call an order without escort 未派单 only while it still waits for one', () => {
    const { rerender } = render(<EscortName order={{ escortId: null, escortName: '', status: 'pending_dispatch' }} />);
    expect(screen.getByText('未派单')).toBeInTheDocument();
    rerender(<EscortName order={{ escortId: null, escortName: '', status: 'cancelled' }} />);
    expect(screen.queryByText('未派单')).toBeNull();
    rerender(<EscortName order={{ escortId: 5, escortName: '李静', status: 'accepted' }} />);
    expect(screen.getByText('李静')).toBeInTheDocument();
  });
});
