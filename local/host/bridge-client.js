/*
 * The offline Forge host's Custom UI bridge. Loaded first in <head> of every Custom UI resource, before the
 * app's bundle, exactly where Forge puts its global-bridge script: it defines window.__bridge.callBridge,
 * which every part of the unmodified @forge/bridge calls. `window.__FORGE_HOST__` carries this frame's
 * module and context (set by the host in the preceding inline script).
 */
(function () {
  'use strict';
  var host = window.__FORGE_HOST__;
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('forge-events') : null;
  var listeners = {};
  if (channel) {
    channel.onmessage = function (message) {
      var data = message.data || {};
      (listeners[data.event] || []).forEach(function (cb) { cb(data.payload); });
    };
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          var error = new Error((json && json.message) || 'Bridge call failed with HTTP ' + response.status);
          throw error;
        }
        return json;
      });
    });
  }

  function toParent(message) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(Object.assign({ source: 'forge-frame', frameId: host.frameId }, message), window.location.origin);
    }
  }

  function applyTheme(colorMode) {
    var root = document.documentElement;
    root.setAttribute('data-color-mode', colorMode);
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    ['light', 'dark', 'spacing', 'typography', 'shape'].forEach(function (theme) {
      var id = 'forge-theme-' + theme;
      if (document.getElementById(id)) return;
      var link = document.createElement('link');
      link.id = id;
      link.rel = 'stylesheet';
      link.href = '/__forge/tokens/' + theme + '.css';
      document.head.appendChild(link);
    });
  }

  var handlers = {
    invoke: function (payload) {
      return post('/__bridge/invoke', {
        moduleKey: host.moduleKey,
        context: host.target,
        functionKey: payload.functionKey,
        payload: payload.payload,
      }).then(function (json) {
        // The page shows the latest issue data after an app call, as Jira's issue view does (the collapsed
        // side panel's status included).
        toParent({ type: 'invoked' });
        return json.result;
      });
    },
    getContext: function () {
      return Promise.resolve(JSON.parse(JSON.stringify(host.context)));
    },
    fetchProduct: function (payload) {
      return post('/__bridge/fetchProduct', payload);
    },
    enableTheming: function () {
      applyTheme(host.context.theme.colorMode);
      return Promise.resolve(true);
    },
    showFlag: function (payload) {
      toParent({ type: 'showFlag', flag: payload });
      return Promise.resolve(true);
    },
    closeFlag: function () { return Promise.resolve(true); },
    refresh: function () { window.location.reload(); return Promise.resolve(true); },
    reload: function () { toParent({ type: 'reload' }); return Promise.resolve(true); },
    navigate: function (payload) { toParent({ type: 'navigate', url: payload.url || payload.target, newTab: payload.type === 'new-tab' }); return Promise.resolve(true); },
    getUrl: function (location) { return Promise.resolve(new URL(String(location.url || location), window.location.origin)); },
    emit: function (payload) {
      if (channel) channel.postMessage({ event: payload.event, payload: payload.payload });
      return Promise.resolve();
    },
    on: function (payload) {
      (listeners[payload.event] = listeners[payload.event] || []).push(payload.callback);
      return Promise.resolve({ unsubscribe: function () {
        listeners[payload.event] = (listeners[payload.event] || []).filter(function (cb) { return cb !== payload.callback; });
      } });
    },
    changeWindowTitle: function () { return Promise.resolve(true); },
    emitReadyEvent: function () { toParent({ type: 'ready' }); return Promise.resolve(); },
    submit: function () { return Promise.resolve(true); },
    close: function () { return Promise.resolve(true); },
    open: function () { return Promise.resolve(true); },
    onClose: function () { return Promise.resolve(true); },
  };
  handlers.emitPublic = handlers.emit;
  handlers.onPublic = handlers.on;

  window.__bridge = {
    callBridge: function (method, payload) {
      var handler = handlers[method];
      if (!handler) return Promise.reject(new Error('The offline Forge host does not support bridge method "' + method + '".'));
      return handler(payload);
    },
  };

  // Jira sizes Custom UI iframes to their content: report the content's height to the host page. The content
  // is measured (not body), since apps often give html/body a height of 100% of the frame.
  function contentHeight() {
    var bottom = 0;
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el.tagName === 'SCRIPT') return;
      var rect = el.getBoundingClientRect();
      var style = getComputedStyle(el);
      bottom = Math.max(bottom, rect.bottom + window.scrollY + parseFloat(style.marginBottom || '0'));
    });
    return Math.ceil(bottom);
  }
  function reportHeight() {
    toParent({ type: 'resize', height: contentHeight() });
  }
  window.addEventListener('load', reportHeight);
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof ResizeObserver !== 'function') return;
    var observer = new ResizeObserver(reportHeight);
    Array.prototype.forEach.call(document.body.children, function (el) { observer.observe(el); });
  });
})();
