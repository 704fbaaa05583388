//! The category taxonomy. The ids are stable: they are part of the CLI's JSON output and of URLs.

use super::lang::Lang;
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    RateLimit,
    AuthSignature,
    AuthKey,
    AuthPassphrase,
    Timestamp,
    Permission,
    IpWhitelist,
    EnvironmentMismatch,
    InsufficientBalance,
    Instrument,
    OrderSizePrecision,
    Parameter,
    AccountMode,
    WebsocketLogin,
    Network,
    Other,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 16] = [
        Category::RateLimit,
        Category::AuthSignature,
        Category::AuthKey,
        Category::AuthPassphrase,
        Category::Timestamp,
        Category::Permission,
        Category::IpWhitelist,
        Category::EnvironmentMismatch,
        Category::InsufficientBalance,
        Category::Instrument,
        Category::OrderSizePrecision,
        Category::Parameter,
        Category::AccountMode,
        Category::WebsocketLogin,
        Category::Network,
        Category::Other,
    ];

    /// The stable id (`"rate_limit"` …).
    pub fn id(self) -> &'static str {
        match self {
            Category::RateLimit => "rate_limit",
            Category::AuthSignature => "auth_signature",
            Category::AuthKey => "auth_key",
            Category::AuthPassphrase => "auth_passphrase",
            Category::Timestamp => "timestamp",
            Category::Permission => "permission",
            Category::IpWhitelist => "ip_whitelist",
            Category::EnvironmentMismatch => "environment_mismatch",
            Category::InsufficientBalance => "insufficient_balance",
            Category::Instrument => "instrument",
            Category::OrderSizePrecision => "order_size_precision",
            Category::Parameter => "parameter",
            Category::AccountMode => "account_mode",
            Category::WebsocketLogin => "websocket_login",
            Category::Network => "network",
            Category::Other => "other",
        }
    }

    /// Parses a stable id.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.id() == id)
    }

    /// A short human label, in English (what the CLI and the English pages show).
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// A short human label in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match self {
            Category::RateLimit => t!(lang, "Rate limit", "限速"),
            Category::AuthSignature => t!(lang, "Signature", "签名"),
            Category::AuthKey => t!(lang, "API key", "API Key"),
            Category::AuthPassphrase => t!(lang, "Passphrase", "Passphrase"),
            Category::Timestamp => t!(lang, "Timestamp / clock", "时间戳 / 系统时间"),
            Category::Permission => t!(lang, "Permission", "权限"),
            Category::IpWhitelist => t!(lang, "IP whitelist", "IP 白名单"),
            Category::EnvironmentMismatch => t!(lang, "Demo / live mismatch", "模拟盘 / 实盘不匹配"),
            Category::InsufficientBalance => t!(lang, "Insufficient balance", "余额不足"),
            Category::Instrument => t!(lang, "Instrument / channel", "交易产品 / 频道"),
            Category::OrderSizePrecision => t!(lang, "Order size / precision", "下单数量 / 精度"),
            Category::Parameter => t!(lang, "Parameter", "参数"),
            Category::AccountMode => t!(lang, "Account / position mode", "账户模式 / 持仓模式"),
            Category::WebsocketLogin => t!(lang, "WebSocket login", "WebSocket 登录"),
            Category::Network => t!(lang, "Network", "网络"),
            Category::Other => t!(lang, "Other", "其他"),
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_exist_in_both_languages() {
        for c in Category::ALL {
            assert_eq!(c.label(), c.label_in(Lang::En));
            assert!(!c.label_in(Lang::Zh).is_empty());
        }
        assert_eq!(Category::RateLimit.label(), "Rate limit");
        assert_eq!(Category::IpWhitelist.label_in(Lang::Zh), "IP 白名单");
    }
}
