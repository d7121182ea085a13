// Development only: "generator serve" adds this script to the pages it
// serves and never writes it into the site. It reloads the page when the
// preview has built the data again (or failed to, to show why).
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource("/_serve/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
})();
