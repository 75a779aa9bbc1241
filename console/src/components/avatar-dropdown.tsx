import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { history, useModel } from '@umijs/max';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { flushSync } from 'react-dom';
import { logout } from '@/utils/session';

/** Header avatar: a local icon (the layout's default would load a remote image) and logout. */
export default function AvatarDropdown() {
  const { initialState, setInitialState } = useModel('@@initialState');
  const user = initialState?.currentUser;
  if (!user) return null;

  const onLogout = async () => {
    await logout();
    flushSync(() => {
      setInitialState((s) => ({ ...s, currentUser: undefined }));
    });
    history.push('/login');
  };

  return (
    <Dropdown
      menu={{
        items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: onLogout }],
      }}
    >
      <Space style={{ cursor: 'pointer', padding: '0 12px' }} data-testid="avatar-dropdown">
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
        <Typography.Text>{user.displayName || user.username}</Typography.Text>
      </Space>
    </Dropdown>
  );
}
