// SPDX-License-Identifier: Apache-2.0
// Explains why the login page is shown again: a refused login, a logout, or an ended session.
const reasons = {
    error: 'Wrong user name or password.',
    'logged-out': 'You have logged out.',
    expired: 'Your session has ended. Please log in again.',
};
const query = new URLSearchParams(location.search);
const reason = Object.keys(reasons).find(key => query.has(key));
if (reason) {
    const message = document.getElementById('login-message');
    message.textContent = reasons[reason];
    message.classList.toggle('error', reason === 'error');
    message.hidden = false;
}
