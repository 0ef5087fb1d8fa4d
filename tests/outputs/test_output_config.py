"""A bad [[outputs]] table stops the start with the key at fault named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from honeymesh.config import (
    Config,
    ConfigError,
    SyslogOutputConfig,
    WebhookOutputConfig,
    loads_config,
    parse_config,
)
from honeymesh.outputs.registry import check_outputs
from honeymesh.outputs.tlsroots import OutputSetupError
from honeymesh.provision import render_config

SYSLOG = '[[outputs]]\ntype = "syslog"\n'
WEBHOOK = '[[outputs]]\ntype = "webhook"\nurl = "https://siem.example.net/hook"\n'


def load(text: str, tmp_path: Path | None = None) -> Config:
    where = (tmp_path or Path("/nonexistent")) / "honeymesh.toml"
    return loads_config(text.encode(), where)


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ('[[outputs]]\ntype = "kafka"\n', "outputs[0].type", "expected 'syslog' or 'webhook'"),
        ("[[outputs]]\n", "outputs[0].type", "expected 'syslog' or 'webhook'"),
        ("outputs = 3\n", "outputs", "expected an array"),
        (SYSLOG + 'events = ["tarp.*"]\n', "outputs[0].events", "'tarp.*' names none"),
        (SYSLOG + "events = []\n", "outputs[0].events", "at least one event id"),
        (SYSLOG + 'kinds = ["alert"]\n', "outputs[0].kinds[0]", "'observation' or 'verdict'"),
        (SYSLOG + "max_queue = 0\n", "outputs[0].max_queue", "greater than 0"),
        (SYSLOG + 'transport = "sctp"\n', "outputs[0].transport", "'udp' or 'tcp' or 'tls'"),
        (SYSLOG + 'address = "siem.example.net"\n', "outputs[0].address", "an IP address"),
        (SYSLOG + "port = 0\n", "outputs[0].port", "a port from 1 to 65535"),
        (SYSLOG + 'facility = "local9"\n', "outputs[0].facility", "'local7'"),
        (SYSLOG + 'app_name = "honey mesh"\n', "outputs[0].app_name", "without spaces"),
        (SYSLOG + f'hostname = "{"h" * 256}"\n', "outputs[0].hostname", "1 to 255"),
        (SYSLOG + "max_message = 100\n", "outputs[0].max_message", "from 1024 to 65000"),
        (SYSLOG + 'ca = "ca.pem"\n', "outputs[0].ca", "empty unless transport = 'tls'"),
        (SYSLOG + "enterprise_number = 0\n", "outputs[0].enterprise_number", "greater than 0"),
        (SYSLOG + 'url = "https://x"\n', "outputs[0].url", "unknown key"),
        ('[[outputs]]\ntype = "webhook"\n', "outputs[0].url", "an https:// URL"),
        (
            '[[outputs]]\ntype = "webhook"\nurl = "http://siem/hook"\n',
            "outputs[0].url",
            "(or allow_http = true)",
        ),
        ('[[outputs]]\ntype = "webhook"\nurl = "ftp://x/"\n', "outputs[0].url", "https://"),
        ('[[outputs]]\ntype = "webhook"\nurl = "https://x:99999/"\n', "outputs[0].url", "https"),
        (WEBHOOK + 'headers = ["Authorization"]\n', "outputs[0].headers", '"Name: value"'),
        (WEBHOOK + 'headers = ["X-A: b\\r\\nX-B: c"]\n', "outputs[0].headers", "Name: value"),
        (WEBHOOK + "batch = 0\n", "outputs[0].batch", "greater than 0"),
        (WEBHOOK + "timeout = -1\n", "outputs[0].timeout", "greater than 0"),
        (
            '[[outputs]]\ntype = "webhook"\nurl = "http://x/"\nallow_http = true\nca = "c.pem"\n',
            "outputs[0].ca",
            "empty for an http:// URL",
        ),
        (SYSLOG + SYSLOG, "outputs", "'syslog' appears twice"),
    ],
)
def test_bad_output_is_a_config_error_naming_the_key(text: str, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as e:
        load(text)
    assert e.value.key == key
    assert fragment in str(e.value)


def test_good_outputs_load() -> None:
    config = load(
        SYSLOG
        + 'transport = "tls"\naddress = "siem.example.net"\nevents = ["trap.*", "ban.added"]\n'
        + WEBHOOK
        + 'kinds = ["decision"]\nheaders = ["Authorization: Bearer x"]\n'
    )
    syslog, webhook = config.outputs
    assert isinstance(syslog, SyslogOutputConfig) and syslog.transport == "tls"
    assert syslog.facility == "local0" and syslog.port == 514
    assert isinstance(webhook, WebhookOutputConfig) and webhook.kinds == ("decision",)


def test_a_ca_that_is_not_a_certificate_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("not a certificate")
    config = load(SYSLOG + 'transport = "tls"\nca = "ca.pem"\n', tmp_path)
    with pytest.raises(OutputSetupError, match=r"syslog: ca .*ca\.pem is not a PEM certificate"):
        check_outputs(config)
    config = load(SYSLOG + 'transport = "tls"\nca = "missing.pem"\n', tmp_path)
    with pytest.raises(OutputSetupError, match="cannot read ca"):
        check_outputs(config)


def test_the_commented_outputs_example_in_the_template_is_valid_when_uncommented() -> None:
    text = render_config(data_dir=Path("/d"), mode="test", interfaces=(), token_sha256="", name="n")
    block = text[text.index("# [[outputs]]") :]
    lines = [line[2:] if line.startswith("# ") else "" for line in block.splitlines()]
    config = parse_config(tomllib.loads("\n".join(lines)), Path("/d/honeymesh.toml"))
    assert [o.type for o in config.outputs] == ["syslog", "webhook"]
