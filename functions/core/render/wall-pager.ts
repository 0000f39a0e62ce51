/**
 * The lobby screen's pager, inline in the wall page and allowed there by its hash
 * (`PAGE_HEADERS`). Written as ES5 for the old browsers inside TVs.
 *
 * On a screen at least 900 px wide it marks the page `paged` (see wall-style.ts): the title,
 * date and totals stand still at the top, the names fill columns of the screen's height side
 * by side, and every 12 s the next screenful of columns comes in ("Layar 2 dari 6"), then the
 * first again. Where a unit runs on into a new column it heads that column with the unit's
 * name and "(lanjutan)" (`li.cont`, not numbered, starting a column of its own), so no name
 * stands without its unit. It goes through the names in order: a heading moves only the names
 * after it, which it measures next.
 *
 * After the last screen, once the body's `data-refresh` seconds have passed, it reloads the
 * page for the newest report: a reload in the middle of a cycle (a plain `<meta refresh>`)
 * would never show the last screens of a long list. A phone scrolls as usual, and reloads
 * after those seconds too. Without the script (a file, print) the page is one long list.
 */
export const WALL_SCRIPT = `(function(){
var d=document,root=d.documentElement,flow=d.querySelector('.flow'),out=d.querySelector('.screen');
var refresh=Number(d.body.getAttribute('data-refresh'))*1000,start=Date.now(),at=0,count=1;
var tv=matchMedia('(min-width: 900px)');
function gap(){return parseFloat(getComputedStyle(flow).columnGap)||0}
function step(){return flow.getBoundingClientRect().width+gap()}
function show(i){
at=i;if(flow)flow.scrollLeft=i*step();
if(out)out.textContent=count>1?out.getAttribute('data-of').replace('{i}',i+1).replace('{n}',count):'';
}
function heads(){
var old=flow.querySelectorAll('.cont'),items,li,h,x,last=null,i,base,pitch;
for(i=0;i<old.length;i++)old[i].parentNode.removeChild(old[i]);
if(!tv.matches)return;
flow.scrollLeft=0;items=flow.querySelectorAll('li');
base=flow.getBoundingClientRect().left;pitch=step();
// As many columns as fit (CSS multi-column: floor((width + gap) / (column-width + gap))).
pitch/=Math.max(1,Math.floor(pitch/(parseFloat(getComputedStyle(flow).columnWidth)+gap())));
function col(e){return Math.floor((e.getBoundingClientRect().left-base+1)/pitch)}
for(i=0;i<items.length;i++){
li=items[i];x=col(li);
if(last!==null&&x!==last&&(li.previousElementSibling||col(li.parentNode.previousElementSibling)!==x)){
h=d.createElement('li');h.className='cont';h.setAttribute('aria-hidden','true');
h.textContent=li.parentNode.getAttribute('data-cont');
li.parentNode.insertBefore(h,li);x=col(li);
}
last=x;
}
}
function layout(){
if(tv.matches)root.classList.add('paged');else root.classList.remove('paged');
count=1;
if(flow){heads();var s=step();if(tv.matches)count=Math.max(1,Math.ceil((flow.scrollWidth+s-flow.clientWidth-2)/s))}
show(Math.min(at,count-1));
}
setInterval(function(){
var next=(at+1)%count;
if(next===0&&refresh&&Date.now()-start>=refresh){location.reload();return}
if(next!==at)show(next);
},12000);
addEventListener('resize',layout);
layout();
})();`;
