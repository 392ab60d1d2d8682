// The sidebar's look: Google Sheets' own sidebar sizes (300 px wide), Arial, blue actions, cards per item.
export const SIDEBAR_CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font:13px/1.45 Arial,sans-serif;color:#202124;margin:0;padding:8px 10px 40px}
nav{display:flex;flex-wrap:wrap;gap:4px;margin-bottom:8px}
nav button{flex:1 1 auto;padding:5px 3px;font-size:11px;border:1px solid #dadce0;background:#fff;border-radius:4px;cursor:pointer;color:#3c4043}
nav button[aria-current="true"]{background:#e8f0fe;border-color:#1a73e8;color:#1967d2;font-weight:bold}
h2{font-size:14px;margin:10px 0 6px}
h3{font-size:13px;margin:12px 0 4px}
p{margin:4px 0}
.hint{color:#5f6368;font-size:12px}
.card{border:1px solid #dadce0;border-radius:6px;padding:8px;margin:8px 0;background:#fff}
.card .who{font-weight:bold}
.card .sent{color:#3c4043;font-size:12px;max-height:7.5em;overflow:auto;border-left:3px solid #e8eaed;padding-left:6px;margin:4px 0;white-space:pre-wrap;word-break:break-word}
.row{display:flex;gap:6px;margin-top:6px;flex-wrap:wrap}
button.act{padding:6px 12px;border-radius:4px;border:1px solid #dadce0;background:#fff;color:#1a73e8;font-weight:bold;cursor:pointer}
button.primary{background:#1a73e8;border-color:#1a73e8;color:#fff}
button.danger{color:#c5221f}
button.danger.primary{background:#c5221f;border-color:#c5221f;color:#fff}
button:disabled{opacity:.5;cursor:default}
label{display:block;margin:6px 0 2px;font-weight:bold;font-size:12px}
label.check{font-weight:normal;display:flex;gap:6px;align-items:flex-start;margin:3px 0}
label.check span small{display:block;color:#5f6368}
input[type=text],input[type=search],input[type=number],select,textarea{width:100%;padding:5px;border:1px solid #dadce0;border-radius:4px;font:inherit}
textarea{min-height:64px;resize:vertical}
textarea.copy{min-height:120px;font-size:12px}
#msg{white-space:pre-wrap;margin:6px 0;padding:6px 8px;border-radius:4px;display:none;word-break:break-word}
#msg.ok{display:block;background:#e6f4ea;color:#137333}
#msg.err{display:block;background:#fce8e6;color:#a50e0e}
#msg.info{display:block;background:#e8f0fe;color:#174ea6}
#msg.busy{display:block;background:#f1f3f4;color:#3c4043}
.confirm{background:#fef7e0;border:1px solid #f9ab00;border-radius:6px;padding:8px;margin:8px 0}
.count{font-weight:bold;margin:8px 0}
.card .contact,.contact{font-weight:bold;color:#3c4043}
.card.undo{background:#f1f3f4}
.pager .row input{flex:1 1 auto;width:auto}
.line{margin:4px 0;padding-bottom:4px;border-bottom:1px solid #f1f3f4}
.line b{display:block;font-size:12px}
.line small{display:block;color:#5f6368;word-break:break-word}
table.hist{border-collapse:collapse;width:100%;font-size:12px}
table.hist td{border-bottom:1px solid #f1f3f4;padding:2px 4px}
details{margin:4px 0}
summary{cursor:pointer;color:#1a73e8}
`;
