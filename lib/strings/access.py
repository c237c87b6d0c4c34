"""Strings of the password gate and of pages a deployment does not offer."""
STRINGS = {
    "auth.heading": {"zh": "请输入访问密码", "en": "Enter the access password"},
    "auth.password": {"zh": "密码", "en": "Password"},
    "auth.submit": {"zh": "进入", "en": "Sign in"},
    "auth.wrong": {"zh": "密码不正确,请重试。", "en": "Wrong password. Please try again."},
    "auth.locked": {
        "zh": "密码错误次数过多,请约 {minutes} 分钟后再试。",
        "en": "Too many wrong passwords. Please try again in about {minutes} min.",
    },
    "auth.note": {
        "zh": "本看板已设置访问密码。密码由部署管理员提供;每个浏览器标签页需登录一次。",
        "en": "This dashboard is protected by a password, given by its administrator. Each browser tab signs in once.",
    },
    "auth.sign_out": {"zh": "退出登录", "en": "Sign out"},
    "access.not_offered": {
        "zh": "本部署未开放数据管理。数据管理(上传、回退)只在设置了访问密码的部署中开放:"
              "在环境变量或 .streamlit/secrets.toml 中设置 PINGAN_PASSWORD 后重启看板。",
        "en": "This deployment does not offer data management. Data management (uploads, rollbacks) is only offered "
              "when an access password is set: set PINGAN_PASSWORD in the environment or .streamlit/secrets.toml "
              "and restart the dashboard.",
    },
    "access.not_offered_public": {
        "zh": "本看板为公开版,不提供数据管理与上传。",
        "en": "This is the public copy of the dashboard: it offers no data management or uploads.",
    },
}
