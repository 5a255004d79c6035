// Warn before a signed-in session ends, and let the user stay signed in.
// The page says how long the session lasts without a request in
// <meta name="app-session-expires-in">; any request renews it (the server saves the
// session on every request). Two minutes before the end a GOV.UK notification banner
// appears with a "Stay signed in" button, which asks the server to renew the session.
// If the session does end, the banner says so: a form posted then is kept for the user
// (core/continuity.py) and comes back after they sign in again.

const WARN_BEFORE_SECONDS = 120

function csrfToken () {
  const field = document.querySelector('input[name="csrfmiddlewaretoken"]')
  if (field) return field.value
  const cookie = document.cookie.split('; ').find((item) => item.startsWith('csrftoken='))
  return cookie ? decodeURIComponent(cookie.split('=')[1]) : ''
}

function banner () {
  let element = document.getElementById('app-session-banner')
  if (element) return element
  element = document.createElement('div')
  element.id = 'app-session-banner'
  element.className = 'govuk-notification-banner app-session-banner'
  element.setAttribute('role', 'alert')
  element.setAttribute('aria-labelledby', 'app-session-banner-title')
  element.tabIndex = -1
  element.innerHTML =
    '<div class="govuk-notification-banner__header">' +
    '<h2 class="govuk-notification-banner__title" id="app-session-banner-title">Important</h2>' +
    '</div><div class="govuk-notification-banner__content">' +
    '<p class="govuk-notification-banner__heading" data-session-message></p>' +
    '<div class="govuk-button-group" data-session-actions></div></div>'
  const main = document.querySelector('main') || document.body
  main.prepend(element)
  return element
}

function show (message, action) {
  const element = banner()
  element.querySelector('[data-session-message]').textContent = message
  const actions = element.querySelector('[data-session-actions]')
  actions.replaceChildren(action)
  element.hidden = false
  element.focus()
}

function hide () {
  const element = document.getElementById('app-session-banner')
  if (element) element.hidden = true
}

export function startSessionWatch () {
  const meta = document.querySelector('meta[name="app-session-expires-in"]')
  if (!meta) return
  const keepAliveUrl = meta.dataset.keepAliveUrl
  const signInUrl = meta.dataset.signInUrl
  let lifetime = Number(meta.content)
  let warnTimer, endTimer

  function schedule (seconds) {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(warn, Math.max(0, seconds - WARN_BEFORE_SECONDS) * 1000)
    endTimer = setTimeout(ended, seconds * 1000)
  }

  function warn () {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button'
    button.textContent = 'Stay signed in'
    button.addEventListener('click', stay)
    show('You will be signed out in 2 minutes because you have not saved or moved to another page. Anything you have not saved will be kept if that happens.', button)
  }

  function ended () {
    const link = document.createElement('a')
    link.className = 'govuk-link'
    link.href = signInUrl
    link.textContent = 'Sign in again'
    show('Your session has ended. If you save this form now, what you typed will be kept and put back after you sign in again.', link)
  }

  async function stay () {
    const reply = await fetch(keepAliveUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': csrfToken() }
    })
    if (!reply.ok) {
      ended()
      return
    }
    const body = await reply.json()
    lifetime = body.expires_in
    hide()
    schedule(lifetime)
  }

  schedule(lifetime)
}
