import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { history, useModel, useSearchParams } from '@umijs/max';
import { Alert } from 'antd';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { postAdminAuthLogin } from '@/services/generated';
import type { StaffLoginResult } from '@/services/models';
import { errorMessageOf } from '@/utils/api-error';
import { saveTokens } from '@/utils/token-storage';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
function safeRedirect(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return '/';
  return raw;
}

export default function LoginPage() {
  const { setInitialState } = useModel('@@initialState');
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: LoginValues) => {
    setError(null);
    try {
      const result = await postAdminAuthLogin<StaffLoginResult>(
        { username: values.username.trim(), password: values.password },
        { skipErrorHandler: true, skipAuthRefresh: true, skipAuth: true },
      );
      saveTokens(result);
      flushSync(() => {
        setInitialState((s) => ({ ...s, currentUser: result.user }));
      });
      history.replace(safeRedirect(searchParams.get('redirect')));
    } catch (e) {
      setError(errorMessageOf(e));
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', paddingTop: '12vh' }}>
      <LoginForm<LoginValues>
        title="陪诊运营平台"
        subTitle="运营、财务、客服工作台"
        onFinish={onFinish}
        submitter={{ searchConfig: { submitText: '登录' } }}
      >
        {error && <Alert style={{ marginBottom: 24 }} type="error" showIcon message={error} data-testid="login-error" />}
        <ProFormText
          name="username"
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username' }}
          placeholder="用户名"
          rules={[{ required: true, message: '请输入用户名' }]}
        />
        <ProFormText.Password
          name="password"
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password' }}
          placeholder="密码"
          rules={[{ required: true, message: '请输入密码' }]}
        />
      </LoginForm>
    </div>
  );
}
