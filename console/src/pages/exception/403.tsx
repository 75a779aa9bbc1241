import { ForbiddenResult } from '@/components/exception-page';

export default function ForbiddenPage() {
  return <ForbiddenResult />;
}
