/**
 * The script platforms include to offer a 举报 button:
 *   <script src="https://office.example/embed.js" data-platform="<unitId>" data-label="举报"></script>
 * It has no dependencies and builds its DOM with textContent only; the office origin comes from the
 * script's own src, so the same file works on every deployment. Served as GET /embed.js.
 */
const SCRIPT = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var platform = (script.getAttribute('data-platform') || '').trim();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(platform)) {
    if (window.console) console.warn('[tianlang] data-platform must be the platform unit id (a UUID)');
    return;
  }
  var origin = new URL(script.src, location.href).origin;
  var label = (script.getAttribute('data-label') || '举报').slice(0, 20);
  var src = origin + '/report?platform=' + encodeURIComponent(platform) + '&embed=1';
  function css(el, rules) { for (var k in rules) el.style.setProperty(k, rules[k]); return el; }
  function make(tag, rules) { return css(document.createElement(tag), rules || {}); }

  var button = make('button', { 'font': '14px/1.4 sans-serif', 'padding': '6px 14px', 'border': '1px solid #1f4e8c',
    'border-radius': '4px', 'background': '#fff', 'color': '#1f4e8c', 'cursor': 'pointer' });
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-haspopup', 'dialog');
  script.parentNode.insertBefore(button, script.nextSibling);

  var overlay = null;
  var bodyOverflow = '';
  function close() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.body.style.overflow = bodyOverflow;
    document.removeEventListener('keydown', onKey);
    button.focus();
  }
  function onKey(e) { if (e.key === 'Escape') close(); }
  function open() {
    if (overlay) return;
    var phone = window.matchMedia('(max-width: 640px)').matches;
    overlay = make('div', { 'position': 'fixed', 'inset': '0', 'z-index': '2147483647', 'display': 'flex',
      'align-items': 'center', 'justify-content': 'center', 'background': 'rgba(0,0,0,.45)' });
    var dialog = make('div', { 'position': 'relative', 'background': '#fff', 'overflow': 'hidden',
      'width': phone ? '100%' : 'min(560px, 94vw)', 'height': phone ? '100%' : 'min(820px, 92vh)',
      'border-radius': phone ? '0' : '10px', 'box-shadow': '0 12px 40px rgba(0,0,0,.3)' });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', label);
    var closer = make('button', { 'position': 'absolute', 'top': '6px', 'right': '8px', 'width': '40px', 'height': '40px',
      'border': '0', 'background': 'transparent', 'font': '26px/1 sans-serif', 'color': '#5b6472', 'cursor': 'pointer' });
    closer.type = 'button';
    closer.textContent = '×';
    closer.setAttribute('aria-label', '关闭');
    closer.addEventListener('click', close);
    var frame = make('iframe', { 'width': '100%', 'height': '100%', 'border': '0', 'display': 'block' });
    frame.src = src;
    frame.title = label;
    frame.setAttribute('referrerpolicy', 'origin');
    dialog.appendChild(frame);
    dialog.appendChild(closer);
    overlay.appendChild(dialog);
    overlay.addEventListener('click', function (e) { if (e.target === overlay) close(); });
    bodyOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    document.addEventListener('keydown', onKey);
    document.body.appendChild(overlay);
    closer.focus();
  }
  button.addEventListener('click', open);
})();
`;

export function embedScript(): string {
  return SCRIPT;
}
