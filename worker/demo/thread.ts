/** A Gmail thread in Gmail's markup: Globex asks for a three-year quote before their budget meeting. */
export const threadPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Re: Beacon renewal — three-year quote - sam.rivera@northwind.example - Gmail</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#202124}.demo-banner{background:#fff4ce;padding:6px 12px;font-size:13px}
.adn{border-bottom:1px solid #e0e0e0;padding:12px}.hP{padding:12px;margin:0;font-weight:400}.g3{color:#5f6368;font-size:12px;margin-left:8px}</style></head>
<body>
<div class="demo-banner">Beside demo page: an imitation of a Gmail thread (fictional data).</div>
<div class="nH">
  <div role="main" class="nH">
    <h2 class="hP" data-thread-perm-id="thread-f:4242">Re: Beacon renewal — three-year quote</h2>
    <div class="adn ads" data-message-id="#msg-f:4242000000000001">
      <div class="gE iv gt">
        <span email="dana.whitfield@globex.example" name="Dana Whitfield" class="gD"><span>Dana Whitfield</span></span>
        <span class="g3" title="Nov 25, 2026, 4:05 PM">Nov 25, 2026, 4:05 PM</span>
      </div>
      <div class="ii gt"><div class="a3s aiL"><div dir="ltr">Hi Sam,<div><br></div>
        <div>Thanks for the renewal call. Before our budget meeting on Dec 8 we need:</div>
        <ul><li>a quote for a three-year term on Beacon Growth, with the multi-year discount,</li><li>the price of Warehouse Sync for hourly export to Snowflake,</li><li>confirmation that SSO is available for our 60 analysts.</li></ul>
        <div>Can you send it by Dec 4?</div><div><br></div><div>Best,<br>Dana</div></div></div></div>
    </div>
    <div class="adn ads" data-message-id="#msg-f:4242000000000002">
      <div class="gE iv gt">
        <span email="sam.rivera@northwind.example" name="Sam Rivera" class="gD"><span>Sam Rivera</span></span>
        <span class="g3" title="Nov 26, 2026, 9:12 AM">Nov 26, 2026, 9:12 AM</span>
      </div>
      <div class="ii gt"><div class="a3s aiL"><div dir="ltr">Thanks Dana, I'm on it and will come back with the quote this week.</div></div></div>
    </div>
    <div class="adn ads" data-message-id="#msg-f:4242000000000003">
      <div class="gE iv gt">
        <span email="omar.haddad@globex.example" name="Omar Haddad" class="gD"><span>Omar Haddad</span></span>
        <span class="g3" title="Nov 27, 2026, 11:40 AM">Nov 27, 2026, 11:40 AM</span>
      </div>
      <div class="ii gt"><div class="a3s aiL"><div dir="ltr">Sam, one more thing: our events grow about 30% a year, so please show what happens above 50 million events a month.<div><br></div><div>Omar</div></div></div></div>
    </div>
    <div class="ip iq"><div class="M9"><div g_editable="true" contenteditable="true" role="textbox" aria-label="Message Body" style="border:1px solid #e0e0e0;min-height:80px;margin:12px;padding:8px"></div></div></div>
  </div>
</div>
</body></html>`;
