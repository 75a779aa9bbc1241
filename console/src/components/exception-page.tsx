import { history } from '@umijs/max';
import { Button, Result } from 'antd';

export function ForbiddenResult() {
  return (
    <Result
      status="403"
      title="403"
      subTitle="抱歉，你没有访问此页面的权限。如需开通，请联系管理员。"
      extra={
        <Button type="primary" onClick={() => history.push('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function NotFoundResult() {
  return (
    <Result
      status="404"
      title="404"
      subTitle="抱歉，你访问的页面不存在。"
      extra={
        <Button type="primary" onClick={() => history.push('/')}>
          返回首页
        </Button>
      }
    />
  );
}
