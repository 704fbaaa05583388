//! Facts a paste reveals besides the error itself (library, exchange id, region, demo, WebSocket
//! endpoint). The engine detects them; the wizard pre-fills its answers from them.

use super::lang::Lang;
use crate::t;

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
    /// OctoBot (Drakkar-Software), which trades through ccxt.
    Octobot,
    /// nautilus_trader's OKX adapter (its own Rust client, not ccxt).
    Nautilus,
    /// Hand-written HTTP/WebSocket code (raw HTTP), or a library not listed.
    Other,
}

impl Library {
    pub const ALL: [Library; 10] = [
        Library::CcxtPython,
        Library::CcxtJs,
        Library::CcxtPhp,
        Library::PythonOkx,
        Library::OkxApiNode,
        Library::Freqtrade,
        Library::Hummingbot,
        Library::Octobot,
        Library::Nautilus,
        Library::Other,
    ];
    /// The libraries the knowledge base has code examples for, in the library picker's order:
    /// the only values of the `?lib=` option and of the stored library preference. The one list
    /// behind the error pages' picker, the paste box's `?lib=` links, the embed options
    /// (`ui::embed::LANGS`) and `public/theme.js` (whose copy of the list `tests/library.rs` checks).
    pub const WITH_SNIPPETS: [Library; 7] = [
        Library::CcxtPython,
        Library::CcxtJs,
        Library::CcxtPhp,
        Library::PythonOkx,
        Library::OkxApiNode,
        Library::Freqtrade,
        Library::Other,
    ];
    /// The library with this id when it is one of [`Library::WITH_SNIPPETS`] (a `?lib=` value or
    /// a stored preference); anything else is ignored.
    pub fn with_snippets(id: &str) -> Option<Library> {
        Library::WITH_SNIPPETS.into_iter().find(|l| l.id() == id)
    }
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
            Library::Octobot => "octobot",
            Library::Nautilus => "nautilus",
            // Its code examples are raw HTTP (curl and openssl), hence the id.
            Library::Other => "http",
        }
    }
    /// The library with this id; `other`, the id of [`Library::Other`] before it was `http`, still
    /// reads (older wizard links).
    pub fn from_id(id: &str) -> Option<Library> {
        if id == "other" {
            return Some(Library::Other);
        }
        Library::ALL.iter().copied().find(|l| l.id() == id)
    }
    /// The library's name, in English.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }
    /// The library's name in `lang` (product names stay as they are).
    pub fn label_in(self, lang: Lang) -> &'static str {
        match self {
            Library::CcxtPython => "ccxt (Python)",
            Library::CcxtJs => "ccxt (JavaScript)",
            Library::CcxtPhp => "ccxt (PHP)",
            Library::PythonOkx => "python-okx",
            Library::OkxApiNode => "okx-api (Node)",
            Library::Freqtrade => "freqtrade",
            Library::Hummingbot => "hummingbot",
            Library::Octobot => "OctoBot",
            Library::Nautilus => "nautilus_trader",
            Library::Other => t!(lang, "raw HTTP / my own code", "原始 HTTP / 自己写的代码"),
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
    /// The order parameter an OKX message names, lower case: `posside` from "Parameter posSide
    /// error", `ccy` from "Parameter ccy can not be empty".
    pub named_param: Option<String>,
    /// The paste comes from a Docker container (compose log prefixes, container paths).
    pub docker: bool,
    /// The paste shows many calls in flight at once (`Promise.all`, `asyncio.gather`).
    pub parallel: bool,
    /// The library's server-time option is switched on (`use_server_time=True`, `useServerTime`).
    pub server_time_option: bool,
    /// The WebSocket channel kind the paste names, if any.
    pub ws_channel: Option<WsChannel>,
    /// What the message is about, for messages without an OKX code.
    pub topic: Option<Topic>,
    /// `Some(true)` when the paste is about a WebSocket connection, `Some(false)` when it shows a
    /// REST call (an HTTP method or /api/v5 path) and nothing of a WebSocket.
    pub websocket: Option<bool>,
    /// `Some(true)` when the paste shows the reply's own code and message (`sCode`, or an OKX
    /// `code`/`msg` pair); `Some(false)` when only a wrapper like "OKX error 1" is shown.
    pub reply_visible: Option<bool>,
    /// The paste shows hand-written signing (HMAC, building OK-ACCESS-SIGN).
    pub own_signing: bool,
}

/// What an error message is about, when it carries no OKX code of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// "API key doesn't exist", "Invalid OK-ACCESS-KEY".
    Key,
    /// Hedge / one-way position mode ("Unhandled hedge_mode").
    PositionMode,
    /// Local compliance restrictions, a product not offered in the user's country.
    Compliance,
    /// A WebSocket channel, URL or subscription.
    WebSocket,
    /// An exception raised inside the library or bot, with no OKX reply.
    LibraryCrash,
    /// A login that fails ("Invalid logon", "Login failed").
    Login,
    /// A connection that drops, times out or never opens (no data received, ping/pong).
    Connection,
    /// The order size or amount is not what was meant (contracts vs coins, minimum amount).
    OrderSize,
}

/// The kind of WebSocket channel a paste names (decides which URL serves it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WsChannel {
    /// `candle1m`, `mark-price-candle1H` … (served on /business).
    Candles,
    /// `index-tickers`, `index-candle…` (need an index id such as BTC-USD).
    Index,
    /// `orders-algo`, `algo-advance` … (private channels served on /business).
    BusinessPrivate,
    /// `orders`, `positions`, `account`, `balance_and_position` (on /private).
    Private,
    /// `tickers`, `books`, `trades` … (on /public).
    Market,
}
