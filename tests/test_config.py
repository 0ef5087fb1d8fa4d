"""Configuration: defaults, the init template, docs, and every kind of bad input."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honeymesh.cli import main
from honeymesh.config import (
    Config,
    ConfigError,
    DetectionConfig,
    PolicyConfig,
    load_config,
    parse_config,
    schema_keys,
)
from honeymesh.provision import render_config

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "honeymesh.toml"
    path.write_text(text)
    return path


def test_empty_file_gives_embedded_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert config.api.port == 8443
    assert config.node.mode == "test"
    assert config.node.data_dir == tmp_path  # relative data_dir resolves against the file
    assert [t.name for t in config.traps] == ["banner"]


def test_init_template_is_the_embedded_defaults(tmp_path: Path) -> None:
    text = render_config(
        data_dir=tmp_path, mode="test", interfaces=(), token_sha256="", name="node-a"
    )
    from_template = parse_config(tomllib.loads(text), tmp_path / "x.toml")
    defaults = dataclasses.replace(
        Config(),
        node=dataclasses.replace(Config().node, name="node-a", data_dir=tmp_path),
        source=tmp_path / "x.toml",
    )
    assert from_template == defaults


def test_every_key_is_documented() -> None:
    doc = (ROOT / "docs" / "CONFIG.md").read_text()
    missing = [
        key
        for key in schema_keys()
        if f"`{key.rsplit('.', 1)[-1]}`" not in doc
        or f"[{key.split('.')[0].replace('[]', '')}" not in doc
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ("[api]\nport = 'x'\n", "api.port", "expected an integer, got a string ('x')"),
        ("[api]\nport = 70000\n", "api.port", "a port from 0 to 65535"),
        ("[api]\nprot = 1\n", "api.prot", "unknown key"),
        ("[nope]\n", "nope", "unknown key"),
        # Keys an earlier release had: the error says what replaced them.
        (
            "[[traps]]\ntype = 'sip'\nserver = 'x'\n",
            "traps[0].server",
            'replaced by persona (persona = "kamailio',
        ),
        ("[[traps]]\ntype = 'ssh'\nversion = 'x'\n", "traps[0].version", "replaced by persona"),
        ("[[traps]]\ntype = 'sip'\nrealm = 'x'\n", "traps[0].realm", "removed with the asterisk"),
        ("[node]\nmode = 'panic'\n", "node.mode", "expected 'test' or 'enforce' or 'lockdown'"),
        ("[api]\naddress = 'localhost'\n", "api.address", "an IPv4 or IPv6 address"),
        ("[kernel]\ninterfaces = 'eth0'\n", "kernel.interfaces", "expected an array"),
        ("[[traps]]\ntype = 'gopher'\n", "traps[0].type", "expected 'banner'"),
        ("[[traps]]\ntype = 'banner'\nports = []\n", "traps[0].ports", "at least one port"),
        ("[[traps]]\ntype='banner'\n[[traps]]\ntype='banner'\n", "traps", "unique"),
        ("api = 3\n", "api", "expected a table"),
        (
            "[kernel]\nadmin_networks = ['0.0.0.0/0']\n",
            "kernel.admin_networks",
            "no wider than /8 for IPv4 ('0.0.0.0/0' would allow so much that nothing is enforced)",
        ),
        ("[kernel]\nadmin_networks = ['2000::/3']\n", "kernel.admin_networks", "/16 for IPv6"),
        # A login the real vsftpd would never open (Debian's /etc/ftpusers, no anonymous).
        (
            "[[traps]]\ntype = 'ftp'\ncredentials = ['admin:x', 'root:toor']\n",
            "traps[0].credentials",
            "logins vsftpd can accept ('root' never logs in",
        ),
        (
            "[[traps]]\ntype = 'ftp'\ncredentials = ['anonymous:x']\n",
            "traps[0].credentials",
            "'anonymous' never logs in",
        ),
    ],
)
def test_bad_values_name_file_key_and_expectation(
    tmp_path: Path, text: str, key: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == key
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


# Found by fuzz/config.py: each escaped load_config as another exception, so twistd and the CLI
# printed a traceback instead of one line.
@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        # OverflowError: tomllib reads integers of any size, float() cannot hold this one
        ("[store]\nevent_retention_days = 1" + "0" * 400 + "\n", "store.event_retention_days",
         "an integer of 401 digits"),
        # ValueError from Path.resolve(): "embedded null byte"
        ('[node]\ndata_dir = "var\\u0000x"\n', "node.data_dir", "NUL character"),
        ('[store]\npath = "a\\u0000.db"\n', "store.path", "NUL character"),
        # RecursionError inside tomllib
        ("a = " + "[" * 3000 + "]" * 3000 + "\n", "", "nested too deeply"),
        ("a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n", "", "nested too deeply"),
        # ValueError from int(): past Python's 4300-digit limit for integer strings
        ("a = 1" + "0" * 5000 + "\n", "", "not a TOML document this reader accepts"),
    ],
    ids=["float-overflow", "nul-data-dir", "nul-path", "deep-arrays", "deep-tables", "int-digits"],
)  # fmt: skip
def test_hostile_documents_give_one_line_config_errors(
    tmp_path: Path, text: str, key: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == key
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[api\n"))
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b"name = '\xff'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "no such file"),
        ("[api\n", "not valid TOML"),
        ("[api]\ncolour = 1\n", "api.colour: unknown key"),
        ("[store]\nbatch_max = true\n", "store.batch_max: expected an integer, got a boolean"),
    ],
)
def test_cli_reports_config_errors_in_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | None, message: str
) -> None:
    path = tmp_path / "honeymesh.toml"
    if text is not None:
        path.write_text(text)
    status = main(["status", "--config", str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert err.startswith("honeymesh: ") and message in err
    assert "Traceback" not in err


toml_scalars = st.one_of(
    st.integers(),
    st.text(max_size=8),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
)
toml_docs = st.dictionaries(
    st.sampled_from(["node", "log", "store", "api", "kernel", "traps", "x"]),
    st.one_of(
        toml_scalars,
        st.dictionaries(
            st.sampled_from(
                [
                    "port",
                    "mode",
                    "name",
                    "address",
                    "interfaces",
                    "keep",
                    "level",
                    "path",
                    "batch_max",
                    "unknown",
                ]
            ),
            toml_scalars,
            max_size=4,
        ),
        st.lists(
            st.dictionaries(
                st.sampled_from(["type", "ports", "name", "bind"]), toml_scalars, max_size=3
            ),
            max_size=2,
        ),
    ),
    max_size=4,
)


@given(toml_docs)
def test_any_document_gives_a_config_or_a_config_error(doc: dict[str, object]) -> None:
    try:
        config = parse_config(doc, Path("/etc/honeymesh/honeymesh.toml"))
    except ConfigError as e:
        assert e.key or e.problem
    else:
        assert isinstance(config, Config)


def test_the_commented_trap_examples_in_the_template_are_valid_when_uncommented() -> None:
    text = render_config(data_dir=Path("/d"), mode="test", interfaces=(), token_sha256="", name="n")
    block = text[text.index("# [[traps]]") :]
    lines = [line[2:] if line.startswith("# ") else "" for line in block.splitlines()]
    config = parse_config(tomllib.loads("\n".join(lines)), Path("/d/honeymesh.toml"))
    assert {t.type for t in config.traps} == {
        "ssh",
        "telnet",
        "http",
        "tls",
        "ftp",
        "smtp",
        "redis",
        "mysql",
        "dns",
        "sip",
        "snmp",
    }


def test_init_writes_detection_and_policy_in_full_and_says_that_one_login_bans() -> None:
    """An operator reading the written file sees every [detection] and [policy] key with its
    default, and that with them one login attempt on a trap bans for an hour."""
    text = render_config(data_dir=Path("/d"), mode="test", interfaces=(), token_sha256="", name="n")
    doc = tomllib.loads(text)
    detection = {f.name for f in dataclasses.fields(DetectionConfig)}
    policy = {f.name for f in dataclasses.fields(PolicyConfig)} - {"detectors"}
    assert set(doc["detection"]) == detection
    assert set(doc["policy"]) == policy
    assert doc["kernel"]["traps_open_to_banned"] is True
    section = text[text.index("[policy]") : text.index("[license]")]
    assert "ONE login" in section and "one hour" in section
    # Every key is explained by the comment block just above it.
    for name in ("[detection]", "[policy]"):
        lines = text[text.index(name) :].splitlines()[1:]
        block = lines[: next(i for i, line in enumerate(lines) if line.startswith("["))]
        for i, line in enumerate(block):
            if line and not line.startswith("#"):
                above = block[max(0, i - 2) : i]
                assert any(a.startswith("#") for a in above), (name, line)
    # The commented detector example is valid when uncommented.
    example = section[section.index("# [[policy.detectors]]") :]
    uncommented = "\n".join(line[2:] for line in example.splitlines() if line.startswith("# "))
    config = parse_config(tomllib.loads(uncommented), Path("/d/honeymesh.toml"))
    assert [(d.name, d.ban) for d in config.policy.detectors] == [("telnet", False)]


def test_init_writes_every_section_with_every_key_and_the_defaults_load_back() -> None:
    """Nothing an operator can set is hidden: every key of every section is in the file init
    writes, with the value the schema defaults to (arrays of tables are commented examples)."""
    from honeymesh.configdump import effective  # noqa: PLC0415

    text = render_config(data_dir=Path("/d"), mode="test", interfaces=(), token_sha256="", name="n")
    written = tomllib.loads(text)
    defaults = effective(Config())
    for section, keys in defaults.items():
        if not isinstance(keys, dict):
            continue  # [[traps]], [[outputs]]: examples in comments
        tables = {
            k for k, v in keys.items() if isinstance(v, list) and v and isinstance(v[0], dict)
        }
        assert set(written[section]) | {"detectors"} >= set(keys) - tables, section
        for key, value in written[section].items():
            if key not in ("name", "data_dir", "mode", "interfaces", "admin_token_sha256"):
                assert value == keys[key], (section, key)
