// Legal Hub console: small progressive enhancements. Every page works without this script.
(function () {
  'use strict';

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
  }

  // A bulk-replay job: follow /api/jobs/{id} every second until it is no longer running.
  function followJob(section) {
    var url = section.getAttribute('data-job-url');
    var bar = section.querySelector('.progress');
    var fill = section.querySelector('.progress .bar');
    var percent = document.getElementById('job-percent');
    var counts = document.getElementById('job-counts');
    var status = document.getElementById('job-status');
    function tick() {
      getJson(url).then(function (job) {
        fill.style.width = job.percent + '%';
        bar.setAttribute('aria-valuenow', job.percent);
        percent.textContent = job.percent + '%';
        counts.textContent = job.done + ' of ' + job.total + ' handled: ' + job.succeeded + ' sent back, ' + job.failed + ' could not be';
        if (job.status === 'running') {
          status.textContent = 'Running…';
          setTimeout(tick, 1000);
        } else {
          bar.classList.add('done');
          status.textContent = (job.status === 'completed' ? 'Done: ' : job.status + ': ') + (job.message || '');
        }
      }).catch(function (e) {
        status.textContent = 'Could not read the job\'s progress (' + e.message + '); reload the page to try again.';
      });
    }
    if (status.textContent.indexOf('Running') === 0) { tick(); }
  }

  // One dead letter being replayed: reload once its stage has dealt with it.
  function followReplay(main) {
    var url = main.getAttribute('data-api');
    var tries = 0;
    function tick() {
      getJson(url).then(function (dl) {
        if (dl.status !== 'replaying') {
          window.location.reload();
        } else if (++tries < 120) {
          setTimeout(tick, 1000);
        }
      }).catch(function () { /* the page still shows the last known state */ });
    }
    setTimeout(tick, 1000);
  }

  // The payload editor: an unsaved edit must not be mistaken for what a replay sends.
  function guardUnsavedEdit(textarea) {
    var note = document.getElementById('unsaved-note');
    var replay = document.getElementById('replay-button');
    var dryRun = document.getElementById('dry-run-link');
    // after a refused save the editor shows the operator's draft; what a replay sends is still the saved payload
    var saved = textarea.hasAttribute('data-saved') ? textarea.getAttribute('data-saved') : textarea.defaultValue;
    function update() {
      var dirty = textarea.value !== saved;
      if (note) { note.hidden = !dirty; }
      if (replay) { replay.disabled = dirty; }
      if (dryRun) { dryRun.setAttribute('aria-disabled', dirty ? 'true' : 'false'); }
    }
    textarea.addEventListener('input', update);
    if (dryRun) {
      dryRun.addEventListener('click', function (e) {
        if (dryRun.getAttribute('aria-disabled') === 'true') { e.preventDefault(); }
      });
    }
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var job = document.querySelector('[data-job-url]');
    if (job) { followJob(job); }
    var main = document.querySelector('main[data-dead-letter]');
    if (main && main.getAttribute('data-status') === 'replaying') { followReplay(main); }
    var payload = document.getElementById('payload');
    if (payload && !payload.readOnly) { guardUnsavedEdit(payload); }
  });
}());
