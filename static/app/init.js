// Start GOV.UK Frontend's JavaScript. Loaded as <script type="module"> by
// templates/base.html; there are no inline scripts (strict CSP).
import { initAll } from '../govuk/govuk-frontend.min.js'
import { startSessionWatch } from './session.js'

// What the GOV.UK page template's inline script does: mark the body so that
// GOV.UK Frontend's CSS shows the JavaScript-enhanced versions of components.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()
startSessionWatch()
