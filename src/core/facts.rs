//! Facts a paste reveals besides the error itself (library, exchange id, region, demo, WebSocket
//! endpoint). The engine detects them; the wizard pre-fills its answers from them.

/// The client library or bot that produced the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Library {
    CcxtPython,
    CcxtJs,
    CcxtPhp,
    PythonOkx,
    OkxApiNode,
    Freqtrade,
    Hummingbot,
    Other,
}

impl Library {
    pub const ALL: [Library; 8] = [
        Library::CcxtPython,
        Library::CcxtJs,
        Library::CcxtPhp,
        Library::PythonOkx,
        Library::OkxApiNode,
        Library::Freqtrade,
        Library::Hummingbot,
        Library::Other,
    ];
    /// Stable id (used in URLs and snippet keys).
    pub fn id(self) -> &'static str {
        match self {
            Library::CcxtPython => "ccxt-python",
            Library::CcxtJs => "ccxt-js",
            Library::CcxtPhp => "ccxt-php",
            Library::PythonOkx => "python-okx",
            Library::OkxApiNode => "okx-api-node",
            Library::Freqtrade => "freqtrade",
            Library::Hummingbot => "hummingbot",
            Library::Other => "other",
        }
    }
    pub fn from_id(id: &str) -> Option<Library> {
        Library::ALL.iter().copied().find(|l| l.id() == id)
    }
    pub fn label(self) -> &'static str {
        match self {
            Library::CcxtPython => "ccxt (Python)",
            Library::CcxtJs => "ccxt (JavaScript)",
            Library::CcxtPhp => "ccxt (PHP)",
            Library::PythonOkx => "python-okx",
            Library::OkxApiNode => "okx-api (Node)",
            Library::Freqtrade => "freqtrade",
            Library::Hummingbot => "hummingbot",
            Library::Other => "other / my own code",
        }
    }
}

/// Where the account lives (which OKX site the user logs in to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// www.okx.com accounts.
    Global,
    /// my.okx.com accounts (API host eea.okx.com).
    Eea,
    /// app.okx.com accounts, US and Australia (API host us.okx.com).
    Us,
}

impl Region {
    pub fn id(self) -> &'static str {
        match self {
            Region::Global => "global",
            Region::Eea => "eea",
            Region::Us => "us",
        }
    }
    pub fn from_id(id: &str) -> Option<Region> {
        [Region::Global, Region::Eea, Region::Us]
            .into_iter()
            .find(|r| r.id() == id)
    }
}

/// Which OKX WebSocket endpoint a paste mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WsEndpoint {
    Public,
    Private,
    Business,
}

/// Everything the paste reveals besides the errors. Every field is optional: `None` = unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasteFacts {
    pub library: Option<Library>,
    pub library_version: Option<String>,
    /// Exchange id as written (`okx`, `okex`, `okex5`, `myokx`, `okxus`).
    pub exchange_id: Option<String>,
    pub region: Option<Region>,
    /// `Some(true)` when the paste shows demo trading (`wspap`, `x-simulated-trading: 1`, sandbox).
    pub demo: Option<bool>,
    pub ws_endpoint: Option<WsEndpoint>,
}
