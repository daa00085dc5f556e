// mta-sts serve: the page's only script. It reads the check as Server-Sent Events from /api/events and fills the
// page in as they come. Everything shown is set with textContent: nothing the network sent is ever parsed as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const layerRows = new Map();
  const mxRows = new Map();
  const titles = new Map();
  const STEPS_SHOWN = 8;
  let running = null;
  let state = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function announce(text) {
    $('status').textContent = text;
  }

  function problem(text) {
    const box = $('problem');
    box.textContent = text;
    box.hidden = !text;
  }

  function busy(on) {
    $('check-button').disabled = on;
    $('result').setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // ---- the stream ----

  async function run(domain, push) {
    domain = domain.trim();
    if (!domain) {
      problem('Type a domain to check, such as example.com.');
      $('domain').focus();
      return;
    }
    if (push) {
      history.pushState({ domain: domain }, '', '/?domain=' + encodeURIComponent(domain));
    }
    if (running) running.abort();
    const controller = new AbortController();
    running = controller;
    state = { done: false, report: null, verdict: null };
    problem('');
    resetResult();
    busy(true);
    announce('Checking ' + domain + '…');
    try {
      const response = await fetch('/api/events?domain=' + encodeURIComponent(domain), {
        signal: controller.signal, headers: { Accept: 'text/event-stream' }, cache: 'no-store'
      });
      if (!response.ok) {
        let message = 'The server answered ' + response.status + '.';
        try {
          const body = await response.json();
          if (body && typeof body.error === 'string') message = body.error;
        } catch (ignored) { /* not JSON */ }
        $('result').hidden = true;
        problem(message);
        announce('');
        return;
      }
      await read(response.body.getReader());
      if (!state.done && running === controller) {
        problem('The connection closed before the check finished. Try again.');
      }
    } catch (e) {
      if (e && e.name === 'AbortError') return;
      problem('The check could not reach the server. Try again.');
      announce('');
    } finally {
      if (running === controller) {
        running = null;
        busy(false);
      }
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        frame(block);
        if (state.done) return;
      }
    }
  }

  function frame(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const handler = handlers[name];
    if (handler) handler(JSON.parse(data.join('\n')));
  }

  // ---- the events ----

  const handlers = {
    started(d) {
      $('result').hidden = false;
      $('result-domain').textContent = d.domain;
      $('json-link').href = '/api/check?domain=' + encodeURIComponent(d.domain);
      state.probesMx = d.probesMx;
      const list = $('layers');
      for (const layer of d.layers) {
        titles.set(layer.layer, layer.title);
        const li = el('li', 'layer');
        li.id = 'layer-' + layer.layer;
        const badge = el('span', 'badge badge-pending', 'Pending');
        const title = el('span', 'title', layer.title);
        const text = el('span', 'text', layer.pending);
        const seen = el('details', 'seen');
        seen.open = true;
        const summary = el('summary', null, 'What was looked up');
        const steps = el('ul', 'steps');
        seen.append(summary, steps);
        seen.hidden = true;
        li.append(badge, title, text, seen);
        list.append(li);
        layerRows.set(layer.layer, { li, badge, text, seen, steps });
      }
    },
    observed(d) {
      const row = layerRows.get(d.layer);
      if (!row) return;
      if (row.badge.textContent === 'Pending') row.badge.textContent = 'Checking';
      row.seen.hidden = false;
      if (row.steps.children.length < STEPS_SHOWN) row.steps.append(el('li', null, d.text));
    },
    mxHosts(d) {
      for (const host of d.hosts) mxRow(host.host, host.preference);
      $('mx-section').hidden = d.hosts.length === 0;
    },
    mxProbe(d) {
      const row = mxRow(d.host);
      row.probe.textContent = d.text;
      row.probeText = d.text;
    },
    layer(d) {
      const row = layerRows.get(d.layer);
      if (!row) return;
      row.badge.className = 'badge badge-' + d.status;
      row.badge.textContent = d.statusText;
      row.text.textContent = d.summary;
      row.seen.open = false;
    },
    verdict(d) {
      state.verdict = d;
      const box = $('verdict');
      box.className = 'verdict ' + verdictClass(d);
      $('verdict-label').textContent = d.label;
      $('verdict-headline').textContent = d.headline;
      $('promotion-headline').textContent = d.promotion.headline;
      $('promotion-advice').textContent = d.promotion.advice;
      const evidence = $('evidence');
      evidence.hidden = !d.promotion.evidence;
      evidence.textContent = d.promotion.evidence ? d.promotion.evidence.text : '';
    },
    report(r) {
      state.report = r;
      showMx(r);
      showFindings(r);
      showPublish(r);
    },
    done() {
      state.done = true;
      const v = state.verdict;
      announce(v ? 'Done: ' + v.label + '. ' + plural(v.errors, 'error') + ', ' + plural(v.warnings, 'warning')
          + '. ' + v.promotion.headline : 'Done.');
    },
    error(d) {
      state.done = true;
      problem(d.error);
      announce('');
    }
  };

  function verdictClass(d) {
    if (d.verdict === 'ENFORCING' && !d.atRisk) return 'verdict-good';
    if (d.verdict === 'TESTING' && !d.atRisk && d.errors === 0) return 'verdict-warn';
    if (d.verdict === 'BROKEN' || d.atRisk || d.errors > 0) return 'verdict-bad';
    return 'verdict-warn';
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  // ---- MX hosts ----

  function mxRow(host, preference) {
    let row = mxRows.get(host);
    if (row) return row;
    const tr = el('tr');
    const name = el('th', null, host);
    name.scope = 'row';
    const pref = el('td', null, preference === undefined ? '' : preference);
    const covered = el('td', null, '…');
    const probe = el('td', null, state.probesMx ? 'Probing…' : 'Not probed');
    const dane = el('td', null, '…');
    tr.append(name, pref, covered, probe, dane);
    $('mx-table').tBodies[0].append(tr);
    row = { tr, pref, covered, probe, dane, probeText: null };
    mxRows.set(host, row);
    $('mx-section').hidden = false;
    return row;
  }

  function showMx(r) {
    for (const mx of r.mx) {
      const row = mxRow(mx.host, mx.preference);
      row.pref.textContent = mx.preference;
      row.covered.textContent = !r.policy ? 'No policy'
          : mx.covered ? 'Yes' + (mx.matchedBy && mx.matchedBy !== mx.host ? ' (' + mx.matchedBy + ')' : '') : 'No';
      if (!row.probeText) {
        row.probe.textContent = mx.probe ? mx.probe.result : (mx.addressOutcome && mx.addressOutcome !== 'FOUND'
            ? 'No address (' + mx.addressOutcome + ')' : 'Not probed');
      }
      row.dane.textContent = mx.dane ? mx.dane.status + (mx.dane.detail ? ': ' + mx.dane.detail : '') : '—';
    }
    $('mx-section').hidden = mxRows.size === 0;
  }

  // ---- findings ----

  function showFindings(r) {
    const list = $('findings');
    clear(list);
    const blockers = new Set(r.promotion.blockers || []);
    for (const f of r.findings) {
      const li = el('li', 'finding');
      const heading = el('h4');
      heading.append(el('span', 'badge badge-' + f.severity, severityWord(f.severity)), ' ' + f.code);
      li.append(heading);
      li.append(el('p', null, f.message));
      const fix = el('p', 'fix');
      fix.append(el('span', null, 'Fix: '), el('span', 'fix-text', f.remediation));
      li.append(fix);
      if (blockers.has(f.code)) li.append(el('p', 'blocker', 'Blocks promotion to enforce.'));
      li.append(el('p', 'ref', (titles.get(f.layer) || f.layer) + (f.reference ? ' · ' + f.reference : '')));
      list.append(li);
    }
    $('findings-section').hidden = r.findings.length === 0;
  }

  function severityWord(s) {
    return s === 'ERROR' ? 'Error' : s === 'WARNING' ? 'Warning' : 'Note';
  }

  // ---- what to publish ----

  function showPublish(r) {
    const box = $('publish');
    clear(box);
    const d = r.domain;
    const fix = r.remediation || {};
    const items = [];
    if (fix.policy) {
      items.push(['Policy file', 'Serve it at https://mta-sts.' + d + '/.well-known/mta-sts.txt with'
          + ' Content-Type: text/plain.', fix.policy, 'the policy file']);
    }
    if (fix.stsRecord) {
      items.push(['_mta-sts TXT record', 'Publish as the only TXT record of _mta-sts.' + d + '.', fix.stsRecord,
        'the _mta-sts record']);
    }
    if (fix.tlsRptRecord) {
      items.push(['TLS-RPT TXT record', 'Publish as the TXT record of _smtp._tls.' + d + '.', fix.tlsRptRecord,
        'the TLS-RPT record']);
    }
    if (r.promotion.status !== 'NOT_APPLICABLE' && fix.enforcePolicy) {
      items.push(['Enforce policy, when ready', 'When the promotion is ready, serve this in place of the'
          + ' testing policy.', fix.enforcePolicy, 'the enforce policy']);
      if (fix.enforceStsRecord) {
        items.push(['_mta-sts record for the enforce policy', 'Publish it with the enforce policy: its new id'
            + ' tells senders to fetch the new policy.', fix.enforceStsRecord, 'the _mta-sts record for enforce']);
      }
    }
    items.forEach((item, i) => box.append(publishItem(i, item[0], item[1], item[2], item[3])));
    $('publish-section').hidden = items.length === 0;
  }

  function publishItem(i, title, where, text, what) {
    const div = el('div', 'publish-item');
    const id = 'publish-' + i;
    div.append(el('h4', null, title), el('p', null, where));
    const pre = el('pre');
    const code = el('code', null, text);
    code.id = id;
    pre.append(code);
    const button = el('button', 'secondary copy', 'Copy');
    button.type = 'button';
    button.setAttribute('aria-label', 'Copy ' + what);
    button.addEventListener('click', () => copy(text, code, button, what));
    div.append(pre, button);
    return div;
  }

  function copy(text, code, button, what) {
    const done = () => {
      button.textContent = 'Copied';
      announce('Copied ' + what + ' to the clipboard.');
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    };
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      announce('Selected ' + what + ': press Ctrl+C to copy it.');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, select);
    } else {
      select();
    }
  }

  // ---- page set-up ----

  function resetResult() {
    layerRows.clear();
    mxRows.clear();
    titles.clear();
    clear($('layers'));
    clear($('mx-table').tBodies[0]);
    clear($('findings'));
    clear($('publish'));
    $('mx-section').hidden = true;
    $('findings-section').hidden = true;
    $('publish-section').hidden = true;
    $('verdict').className = 'verdict verdict-pending';
    $('verdict-label').textContent = 'Checking…';
    $('verdict-headline').textContent = '';
    $('promotion-headline').textContent = '';
    $('promotion-advice').textContent = '';
    $('evidence').hidden = true;
    $('result').hidden = true;
  }

  async function loadExamples() {
    try {
      const response = await fetch('/api/examples', { cache: 'no-store' });
      if (!response.ok) return;
      const body = await response.json();
      if (!body.examples || body.examples.length === 0) return;
      const list = $('example-list');
      for (const example of body.examples) {
        const li = el('li');
        const a = el('a', null, example.domain);
        a.href = '/?domain=' + encodeURIComponent(example.domain);
        a.addEventListener('click', (event) => {
          event.preventDefault();
          $('domain').value = example.domain;
          run(example.domain, true);
        });
        li.append(a, ' ', el('span', 'title-text', example.title), el('span', 'desc', example.description));
        list.append(li);
      }
      $('examples').hidden = false;
    } catch (ignored) { /* no examples */ }
  }

  function domainInUrl() {
    const value = new URLSearchParams(window.location.search).get('domain');
    return value === null ? '' : value;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('check-form').addEventListener('submit', (event) => {
      event.preventDefault();
      run($('domain').value, true);
    });
    window.addEventListener('popstate', () => {
      const domain = domainInUrl();
      $('domain').value = domain;
      if (domain) run(domain, false);
    });
    loadExamples();
    const domain = domainInUrl();
    if (domain) {
      $('domain').value = domain;
      run(domain, false);
    }
  });
})();
