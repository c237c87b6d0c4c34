"""Strings of the sign-in (the server's sign-in page, roles, the audit trail) and of pages a deployment does not offer."""
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
        "zh": "本看板已设置访问密码,密码由部署管理员提供。登录在本浏览器中保持 {hours} 小时,或直到退出登录。",
        "en": "This dashboard is protected by a password, given by its administrator. The sign-in lasts {hours} h in "
              "this browser, or until you sign out.",
    },
    "auth.sso_heading": {"zh": "请先登录", "en": "Please sign in"},
    "auth.sso_submit": {"zh": "统一身份认证登录", "en": "Sign in with single sign-on"},
    "auth.sso_note": {
        "zh": "使用本单位的统一身份认证账号登录。能看到的内容取决于账号的角色(查看、分析、管理)。",
        "en": "Sign in with your organisation's account. What you may do depends on your role (viewer, analyst, "
              "administrator).",
    },
    "auth.no_address": {
        "zh": "服务器无法确定您的网络地址,暂不能登录。请管理员设置 PINGAN_TRUSTED_PROXIES(见部署说明)。",
        "en": "The server cannot tell your network address, so it cannot sign you in. The administrator must set "
              "PINGAN_TRUSTED_PROXIES (see the deployment guide).",
    },
    "auth.not_authorised": {
        "zh": "账号 {user} 已登录,但没有本看板的角色。请联系管理员在统一身份认证中授予查看、分析或管理角色。",
        "en": "{user} is signed in but has no role in this dashboard. Ask the administrator to grant the viewer, "
              "analyst or administrator role at the identity provider.",
    },
    "auth.required": {
        "zh": "请先登录:[打开登录页]({url})", "en": "Please sign in first: [open the sign-in page]({url})",
    },
    "auth.signed_in_as": {"zh": "已登录:{user}({role})", "en": "Signed in: {user} ({role})"},
    "auth.password_user": {"zh": "访问密码", "en": "access password"},
    "auth.settings_error": {"zh": "看板的部署设置有误,暂不能访问。", "en": "The dashboard's settings are wrong: it cannot be used now."},
    "audit.time": {"zh": "时间", "en": "Time"},
    "audit.user": {"zh": "用户", "en": "User"},
    "audit.role": {"zh": "角色", "en": "Role"},
    "audit.action": {"zh": "操作", "en": "Action"},
    "audit.detail": {"zh": "内容", "en": "Detail"},
    "audit.outcome": {"zh": "结果", "en": "Outcome"},
    "audit.address": {"zh": "地址", "en": "Address"},
    "role.viewer": {"zh": "查看", "en": "viewer"},
    "role.analyst": {"zh": "分析", "en": "analyst"},
    "role.administrator": {"zh": "管理", "en": "administrator"},
    "auth.sign_out": {"zh": "退出登录", "en": "Sign out"},
    "access.not_offered": {
        "zh": "本部署未开放数据管理。数据管理(上传、回退)只在需要登录的部署中开放:在环境变量或 "
              ".streamlit/secrets.toml 中设置访问密码 PINGAN_PASSWORD 或统一身份认证 PINGAN_OIDC_*(见部署说明)后重启看板。",
        "en": "This deployment does not offer data management. Data management (uploads, rollbacks) is only offered "
              "behind a sign-in: set an access password (PINGAN_PASSWORD) or single sign-on (PINGAN_OIDC_*, see the "
              "deployment guide) in the environment or .streamlit/secrets.toml and restart the dashboard.",
    },
    "access.not_offered_role": {
        "zh": "数据管理需要分析或管理角色;您当前的角色只能查看页面与下载。如需上传数据,请联系管理员。",
        "en": "Data management needs the analyst or administrator role; your role reads pages and downloads only. "
              "Ask the administrator if you need to upload data.",
    },
    "access.not_offered_public": {
        "zh": "本看板为公开版,不提供数据管理与上传。",
        "en": "This is the public copy of the dashboard: it offers no data management or uploads.",
    },
}
