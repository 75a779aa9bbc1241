import { NotFoundResult } from '@/components/exception-page';

export default function NotFoundPage() {
  return <NotFoundResult />;
}
