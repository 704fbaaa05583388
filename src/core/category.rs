//! The category taxonomy. The ids are stable: they are part of the CLI's JSON output and of URLs.

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

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            Category::RateLimit => "Rate limit",
            Category::AuthSignature => "Signature",
            Category::AuthKey => "API key",
            Category::AuthPassphrase => "Passphrase",
            Category::Timestamp => "Timestamp / clock",
            Category::Permission => "Permission",
            Category::IpWhitelist => "IP whitelist",
            Category::EnvironmentMismatch => "Demo / live mismatch",
            Category::InsufficientBalance => "Insufficient balance",
            Category::Instrument => "Instrument / channel",
            Category::OrderSizePrecision => "Order size / precision",
            Category::Parameter => "Parameter",
            Category::AccountMode => "Account / position mode",
            Category::WebsocketLogin => "WebSocket login",
            Category::Network => "Network",
            Category::Other => "Other",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
