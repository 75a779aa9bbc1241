import { render, screen, within } from '@testing-library/react';
import type { PricingPreview } from '@/services/models';
import QuoteResult from './quote-result';

const preview: PricingPreview = {
  item: {
    id: 3,
    code: 'EXAM-STD',
    name: '检查陪诊',
    categoryCode: 'examination',
    pricingUnit: 'visit',
    minDurationMinutes: 60,
    maxDurationMinutes: 240,
    defaultDurationMinutes: 120,
    requiredQualifications: ['basic_escort'],
    preparation: [],
    isErrand: false,
    cityId: 2,
    unitPriceFen: 17900,
  },
  startAt: '2026-06-01T10:00:00.000Z',
  endAt: '2026-06-01T14:00:00.000Z',
  quote: {
    units: 1,
    lines: [
      { kind: 'base', code: 'EXAM-STD', label: '检查陪诊', amountFen: 17900, detail: '¥179.00 × 1 次' },
      { kind: 'surcharge', code: 'night', label: '夜间服务加价', amountFen: 1790, detail: '夜间 120/240 分钟，对应服务费 ¥89.50 × 20%' },
      { kind: 'discount', code: 'first_order', label: '首单立减', amountFen: -2000, detail: '每单 ¥20.00' },
    ],
    totalFen: 17690,
  },
};

describe('quote result', () => {
  it('asks for input before there is a quote', () => {
    render(<QuoteResult preview={null} />);
    expect(screen.getByText(/计算报价/)).toBeInTheDocument();
  });

  it('shows every line in yuan, discounts negative, and the total', () => {
    render(<QuoteResult preview={preview} />);
    expect(within(screen.getByText('夜间服务加价').closest('tr') as HTMLElement).getByText('¥17.90')).toBeInTheDocument();
    expect(within(screen.getByText('首单立减').closest('tr') as HTMLElement).getByText('-¥20.00')).toBeInTheDocument();
    expect(screen.getByText('夜间 120/240 分钟，对应服务费 ¥89.50 × 20%')).toBeInTheDocument();
    expect(screen.getByTestId('quote-total')).toHaveTextContent('¥176.90');
  });

  it('shows the service time in Shanghai time', () => {
    render(<QuoteResult preview={preview} />);
    expect(screen.getByText(/2026-06-01 18:00 – 06-01 22:00（北京时间）/)).toBeInTheDocument();
  });
});
