/**
 * A Lightning opportunity as Lightning renders it (components behind open shadow roots, highlights panel, path,
 * detail fields, activity, related lists), for Globex Logistics, a customer of Northwind Analytics — the company
 * of the sample knowledge base. Its prices, discounts and plans match knowledge-samples/sales.
 */
export const opportunityPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Globex Logistics - Beacon Growth Renewal | Salesforce</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f3f3f3;color:#181818}.demo-banner{background:#fff4ce;padding:6px 12px;font-size:13px}
.oneContent{padding:12px}</style></head>
<body>
<div class="demo-banner">Beside demo page: an imitation of a Salesforce opportunity (fictional data).</div>
<one-appnav><template shadowrootmode="open"><nav role="navigation" style="padding:6px 12px;background:#fff"><a>Home</a> · <a>Opportunities</a> · <a>Accounts</a> · <a>Reports</a></nav></template></one-appnav>
<div class="oneCenterStage">
<div class="oneContent active">
<flexipage-record-home-template-desktop2><template shadowrootmode="open">
  <div class="header"><slot name="header"></slot></div>
  <div class="main" style="margin-top:12px"><slot name="main"></slot></div>
  <div class="side" style="margin-top:12px"><slot name="sidebar"></slot></div>
</template>
  <records-lwc-highlights-panel slot="header"><template shadowrootmode="open">
    <div class="slds-page-header slds-page-header_record-home" style="background:#fff;padding:12px">
      <div class="slds-media"><div class="slds-media__body">
        <records-entity-label><template shadowrootmode="open"><p class="entityNameTitle slds-line-height_reset">Opportunity</p></template></records-entity-label>
        <h1><slot name="primaryField"></slot></h1>
      </div></div>
      <ul class="slds-page-header__detail-row">
        <records-highlights-details-item><template shadowrootmode="open">
          <p class="slds-text-title slds-truncate" title="Account Name">Account Name</p>
          <p class="fieldComponent"><force-lookup><template shadowrootmode="open"><a>Globex Logistics</a></template></force-lookup></p>
        </template></records-highlights-details-item>
        <records-highlights-details-item><template shadowrootmode="open">
          <p class="slds-text-title slds-truncate" title="Close Date">Close Date</p>
          <p class="fieldComponent"><lightning-formatted-text><template shadowrootmode="open">12/18/2026</template></lightning-formatted-text></p>
        </template></records-highlights-details-item>
        <records-highlights-details-item><template shadowrootmode="open">
          <p class="slds-text-title slds-truncate" title="Amount">Amount</p>
          <p class="fieldComponent"><lightning-formatted-number><template shadowrootmode="open">$45,600.00</template></lightning-formatted-number></p>
        </template></records-highlights-details-item>
        <records-highlights-details-item><template shadowrootmode="open">
          <p class="slds-text-title slds-truncate" title="Opportunity Owner">Opportunity Owner</p>
          <p class="fieldComponent"><force-owner-lookup><template shadowrootmode="open"><a>Sam Rivera</a></template></force-owner-lookup></p>
        </template></records-highlights-details-item>
      </ul>
    </div>
  </template><lightning-formatted-text slot="primaryField"><template shadowrootmode="open">Globex Logistics - Beacon Growth Renewal</template></lightning-formatted-text></records-lwc-highlights-panel>

  <div slot="main">
    <records-lwc-path><template shadowrootmode="open">
      <lightning-path><template shadowrootmode="open">
        <div class="slds-path"><ul class="slds-path__nav" role="listbox">
          <li class="slds-path__item slds-is-complete" role="presentation"><a class="slds-path__link" role="option"><span class="slds-path__title">Prospecting</span></a></li>
          <li class="slds-path__item slds-is-complete" role="presentation"><a class="slds-path__link" role="option"><span class="slds-path__title">Needs Analysis</span></a></li>
          <li class="slds-path__item slds-is-complete" role="presentation"><a class="slds-path__link" role="option"><span class="slds-path__title">Proposal/Price Quote</span></a></li>
          <li class="slds-path__item slds-is-current slds-is-active" role="presentation"><a class="slds-path__link" role="option" aria-selected="true"><span class="slds-path__title">Negotiation/Review</span></a></li>
          <li class="slds-path__item slds-is-incomplete" role="presentation"><a class="slds-path__link" role="option"><span class="slds-path__title">Closed</span></a></li>
        </ul></div>
      </template></lightning-path>
    </template></records-lwc-path>

    <records-lwc-detail-panel><template shadowrootmode="open">
      <records-record-layout-section><template shadowrootmode="open">
        <h3 class="slds-section__title">Opportunity Information</h3>
        <div class="slds-form" role="list">
          <records-record-layout-item><template shadowrootmode="open">
            <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Probability (%)</span>
            <div class="slds-form-element__control"><lightning-formatted-number><template shadowrootmode="open">75%</template></lightning-formatted-number></div></div>
          </template></records-record-layout-item>
          <records-record-layout-item><template shadowrootmode="open">
            <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Next Step</span>
            <div class="slds-form-element__control"><lightning-formatted-text><template shadowrootmode="open">Send the revised quote for a two-year term with Warehouse Sync by Dec 5</template></lightning-formatted-text></div></div>
          </template></records-record-layout-item>
          <records-record-layout-item><template shadowrootmode="open">
            <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Type</span>
            <div class="slds-form-element__control"><lightning-formatted-text><template shadowrootmode="open">Existing Customer - Renewal</template></lightning-formatted-text></div></div>
          </template></records-record-layout-item>
          <records-record-layout-item><template shadowrootmode="open">
            <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Competitor</span>
            <div class="slds-form-element__control"><lightning-formatted-text><template shadowrootmode="open">Mixpanel</template></lightning-formatted-text></div></div>
          </template></records-record-layout-item>
          <records-record-layout-item><template shadowrootmode="open">
            <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">Description</span>
            <div class="slds-form-element__control"><lightning-formatted-text><template shadowrootmode="open">Globex renews Beacon Growth and asks for a multi-year discount; they want SSO for 60 analysts and hourly export to Snowflake.</template></lightning-formatted-text></div></div>
          </template></records-record-layout-item>
        </div>
      </template></records-record-layout-section>
    </template></records-lwc-detail-panel>

    <runtime_sales_activities-activity-timeline><template shadowrootmode="open">
      <h2>Activity</h2>
      <ul class="slds-timeline">
        <li><div class="slds-timeline__item_expandable slds-timeline__item_call">
          <h3 class="slds-timeline__title"><a>Renewal call with Dana Whitfield</a></h3>
          <p class="slds-timeline__date">Nov 20, 2026</p>
          <p>Dana asked whether a three-year commitment lowers the price and whether SSO is included in Growth.</p>
        </div></li>
        <li><div class="slds-timeline__item_expandable slds-timeline__item_email">
          <h3 class="slds-timeline__title"><a>Sent usage report Q3</a></h3>
          <p class="slds-timeline__date">Nov 12, 2026</p>
          <p>Globex used 41 million events a month, close to the Growth limit of 50 million.</p>
        </div></li>
      </ul>
    </template></runtime_sales_activities-activity-timeline>
  </div>

  <div slot="sidebar">
    <lst-related-list-single-container><template shadowrootmode="open">
      <article class="slds-card"><div class="slds-card__header"><h2 class="slds-card__header-title"><span title="Contact Roles">Contact Roles</span> <span>(2)</span></h2></div>
      <div class="slds-card__body"><ul class="slds-has-dividers_bottom-space">
        <li class="slds-item"><lst-related-list-item><template shadowrootmode="open"><h3 class="slds-tile__title"><a>Dana Whitfield</a></h3>
          <dl class="slds-list_horizontal"><dt>Role:</dt><dd>Decision Maker</dd><dt>Title:</dt><dd>VP Product</dd><dt>Email:</dt><dd>dana.whitfield@globex.example</dd></dl></template></lst-related-list-item></li>
        <li class="slds-item"><lst-related-list-item><template shadowrootmode="open"><h3 class="slds-tile__title"><a>Omar Haddad</a></h3>
          <dl class="slds-list_horizontal"><dt>Role:</dt><dd>Technical Buyer</dd><dt>Title:</dt><dd>Head of Data</dd></dl></template></lst-related-list-item></li>
      </ul></div></article>
    </template></lst-related-list-single-container>

    <lst-related-list-single-container><template shadowrootmode="open">
      <article class="slds-card"><div class="slds-card__header"><h2 class="slds-card__header-title"><span title="Products">Products</span> <span>(2)</span></h2></div>
      <div class="slds-card__body"><lightning-datatable><template shadowrootmode="open">
        <table><thead><tr><th aria-label="Product">Product</th><th aria-label="Quantity">Quantity</th><th aria-label="Sales Price">Sales Price</th></tr></thead>
        <tbody><tr><th scope="row"><a>Beacon Growth (monthly)</a></th><td>24</td><td>$1,900.00</td></tr>
        <tr><th scope="row"><a>Warehouse Sync add-on (monthly)</a></th><td>24</td><td>$400.00</td></tr></tbody></table>
      </template></lightning-datatable></div></article>
    </template></lst-related-list-single-container>
  </div>
</flexipage-record-home-template-desktop2>
</div>
</div>
</body></html>`;
